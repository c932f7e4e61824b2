// MSBuild inline task (see TorchSharpNative.targets for why it exists).
// Marks one symbol-version requirement of an ELF64 little-endian shared library as weak, after
// checking that no dynamic relocation refers to a symbol of that version. Idempotent.
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class WeakenElfVersionRequirement : Task
{
    private const uint ShtRela = 4;
    private const uint ShtRel = 9;
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const uint ShtGnuVersym = 0x6fffffff;
    private const ushort VerFlgWeak = 0x2;

    [Required]
    public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

    [Required]
    public string VersionName { get; set; } = string.Empty;

    public override bool Execute()
    {
        foreach (var item in Files)
        {
            try
            {
                Patch(item.ItemSpec);
            }
            catch (Exception e)
            {
                Log.LogError(
                    "Cannot make '{0}' loadable with this system's libstdc++: {1} " +
                    "TorchSharp will not load here. Install a libstdc++ that provides {2} (GCC 13 or newer) " +
                    "or use a TorchSharp build linked against an older one.",
                    item.ItemSpec, e.Message, VersionName);
            }
        }
        return !Log.HasLoggedErrors;
    }

    private void Patch(string path)
    {
        var elf = File.ReadAllBytes(path);
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new InvalidDataException("not an ELF file.");
        if (elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException("not a 64-bit little-endian ELF file.");

        var sections = ReadSections(elf);
        var verneed = sections.Find(s => s.Type == ShtGnuVerneed)
            ?? throw new InvalidDataException("it has no .gnu.version_r section.");
        var strings = sections[(int)verneed.Link];

        var (auxOffset, versionIndex, flags) = FindRequirement(elf, verneed, strings);
        if (auxOffset < 0)
        {
            Log.LogMessage(MessageImportance.Low, "{0} does not require {1}; nothing to do.", path, VersionName);
            return;
        }
        if ((flags & VerFlgWeak) != 0)
        {
            Log.LogMessage(MessageImportance.Low, "{0}: {1} is already weak.", path, VersionName);
            return;
        }

        var versym = sections.Find(s => s.Type == ShtGnuVersym)
            ?? throw new InvalidDataException("it has no .gnu.version section.");
        var relocated = FindRelocatedSymbolOfVersion(elf, sections, versym, versionIndex);
        if (relocated >= 0)
            throw new InvalidDataException(
                $"dynamic symbol #{relocated} at {VersionName} is used by a relocation, so the requirement cannot be relaxed.");

        WriteUInt16(elf, auxOffset + 4, (ushort)(flags | VerFlgWeak));
        // Replace rather than overwrite, so a hard link into the NuGet cache is never modified.
        var temporary = path + ".patching";
        File.WriteAllBytes(temporary, elf);
        File.Delete(path);
        File.Move(temporary, path);
        Log.LogMessage(MessageImportance.Normal, "Marked {0} requirement weak in {1}.", VersionName, path);
    }

    private (int AuxOffset, ushort VersionIndex, ushort Flags) FindRequirement(byte[] elf, Section verneed, Section strings)
    {
        var entry = (int)verneed.Offset;
        for (var i = 0; i < verneed.Info; i++)
        {
            var count = ReadUInt16(elf, entry + 2);
            var aux = entry + (int)ReadUInt32(elf, entry + 8);
            for (var j = 0; j < count; j++)
            {
                var name = ReadString(elf, (int)strings.Offset + (int)ReadUInt32(elf, aux + 8));
                if (name == VersionName)
                    return (aux, (ushort)(ReadUInt16(elf, aux + 6) & 0x7fff), ReadUInt16(elf, aux + 4));
                aux += (int)ReadUInt32(elf, aux + 12);
            }
            var next = ReadUInt32(elf, entry + 12);
            if (next == 0)
                break;
            entry += (int)next;
        }
        return (-1, 0, 0);
    }

    private static long FindRelocatedSymbolOfVersion(byte[] elf, List<Section> sections, Section versym, ushort versionIndex)
    {
        var dynsymIndex = versym.Link;
        foreach (var section in sections)
        {
            if ((section.Type != ShtRela && section.Type != ShtRel) || section.Link != dynsymIndex)
                continue;
            var entrySize = section.Type == ShtRela ? 24 : 16;
            for (var at = section.Offset; at + entrySize <= section.Offset + section.Size; at += entrySize)
            {
                var symbol = (long)(ReadUInt64(elf, (int)at + 8) >> 32);
                if (symbol == 0)
                    continue;
                var version = ReadUInt16(elf, (int)versym.Offset + (int)(symbol * 2)) & 0x7fff;
                if (version == versionIndex)
                    return symbol;
            }
        }
        return -1;
    }

    private static List<Section> ReadSections(byte[] elf)
    {
        var tableOffset = (long)ReadUInt64(elf, 0x28);
        var entrySize = ReadUInt16(elf, 0x3A);
        var count = ReadUInt16(elf, 0x3C);
        var sections = new List<Section>(count);
        for (var i = 0; i < count; i++)
        {
            var at = (int)(tableOffset + (i * entrySize));
            sections.Add(new Section(
                ReadUInt32(elf, at + 4),
                (long)ReadUInt64(elf, at + 24),
                (long)ReadUInt64(elf, at + 32),
                ReadUInt32(elf, at + 40),
                ReadUInt32(elf, at + 44)));
        }
        return sections;
    }

    private static string ReadString(byte[] elf, int offset)
    {
        var end = Array.IndexOf(elf, (byte)0, offset);
        return Encoding.ASCII.GetString(elf, offset, end - offset);
    }

    private static ushort ReadUInt16(byte[] b, int at) => BitConverter.ToUInt16(b, at);

    private static uint ReadUInt32(byte[] b, int at) => BitConverter.ToUInt32(b, at);

    private static ulong ReadUInt64(byte[] b, int at) => BitConverter.ToUInt64(b, at);

    private static void WriteUInt16(byte[] b, int at, ushort value) => BitConverter.GetBytes(value).CopyTo(b, at);

    private sealed class Section
    {
        public Section(uint type, long offset, long size, uint link, uint info)
        {
            Type = type;
            Offset = offset;
            Size = size;
            Link = link;
            Info = info;
        }

        public uint Type { get; }
        public long Offset { get; }
        public long Size { get; }
        public uint Link { get; }
        public uint Info { get; }
    }
}
