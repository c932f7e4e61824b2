using Microsoft.Win32.SafeHandles;

namespace VfeTps.Stream.VectorIndex.Embedded;

/// <summary>
/// The append-only point log of one collection (<c>points.log</c>). Every batch is appended and
/// fsynced before the write is acknowledged; a write that fails half-way is cut back off the file, so
/// the log never holds garbage in its middle. A compaction writes a complete new log beside it and
/// renames it over the old one (atomic), then flushes the folder so the rename survives a power cut.
/// </summary>
internal sealed class PointLogFile : IDisposable
{
    public const string FileName = "points.log";
    private const string CreatingSuffix = ".creating";
    private const string CompactingSuffix = ".compacting";

    private readonly string _directory;
    private readonly bool _flushToDisk;
    private SafeFileHandle _handle;
    private bool _faulted;

    private PointLogFile(string directory, SafeFileHandle handle, bool flushToDisk)
    {
        _directory = directory;
        _handle = handle;
        _flushToDisk = flushToDisk;
        Length = RandomAccess.GetLength(handle);
    }

    public string FilePath => Path.Combine(_directory, FileName);

    public long Length { get; private set; }

    public static string PathIn(string directory) => Path.Combine(directory, FileName);

    /// <summary>Removes what an interrupted creation or compaction left behind (never the log itself).</summary>
    public static void RemoveLeftovers(string directory)
    {
        foreach (var suffix in new[] { CreatingSuffix, CompactingSuffix })
        {
            File.Delete(PathIn(directory) + suffix);
        }
    }

    /// <summary>Creates an empty log (header only) atomically: written aside, fsynced, renamed into place.</summary>
    public static void CreateEmpty(string directory, int dimension, bool flushToDisk)
    {
        var temporary = PathIn(directory) + CreatingSuffix;
        using (var handle = File.OpenHandle(temporary, FileMode.Create, FileAccess.Write))
        {
            RandomAccess.Write(handle, LogRecords.CreateHeader(dimension), 0);
            if (flushToDisk)
            {
                RandomAccess.FlushToDisk(handle);
            }
        }

        File.Move(temporary, PathIn(directory), overwrite: false);
        if (flushToDisk)
        {
            DirectorySync.Flush(directory);
        }
    }

    /// <summary>Opens the log for appending, after it has been read and its tail repaired.</summary>
    public static PointLogFile OpenForAppend(string directory, bool flushToDisk) =>
        new(directory, OpenHandle(PathIn(directory)), flushToDisk);

    /// <summary>Appends records and (by default) fsyncs; on failure the file is cut back to where it was.</summary>
    public void Append(ReadOnlySpan<byte> records)
    {
        if (_faulted)
        {
            throw new IOException($"The point log '{FilePath}' failed earlier and could not be repaired; reopen the collection.");
        }

        try
        {
            RandomAccess.Write(_handle, records, Length);
            if (_flushToDisk)
            {
                RandomAccess.FlushToDisk(_handle);
            }

            Length += records.Length;
        }
        catch
        {
            CutBack();
            throw;
        }
    }

    /// <summary>Starts a replacement log; the caller writes every live record into it, then commits.</summary>
    public Rewrite BeginRewrite(int dimension)
    {
        var path = FilePath + CompactingSuffix;
        var handle = File.OpenHandle(path, FileMode.Create, FileAccess.Write);
        var rewrite = new Rewrite(this, path, handle);
        rewrite.Write(LogRecords.CreateHeader(dimension));
        return rewrite;
    }

    public void Dispose() => _handle.Dispose();

    private static SafeFileHandle OpenHandle(string path) =>
        // Share.Delete lets a compaction rename over the open file on Windows too; exclusivity
        // comes from the collection's LOCK file.
        File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete);

    private void CutBack()
    {
        try
        {
            RandomAccess.SetLength(_handle, Length);
        }
        catch (Exception)
        {
            // The tail cannot be cut: appending after it would hide every later record on reopen.
            _faulted = true;
        }
    }

    private void Replace(string newPath)
    {
        File.Move(newPath, FilePath, overwrite: true);

        // From here on appends must go to the new file: the old handle's file is unlinked.
        var old = _handle;
        try
        {
            _handle = OpenHandle(FilePath);
            Length = RandomAccess.GetLength(_handle);
            _faulted = false;
        }
        catch
        {
            _faulted = true;
            throw;
        }

        old.Dispose();
        if (_flushToDisk)
        {
            DirectorySync.Flush(_directory);
        }
    }

    /// <summary>A replacement log being written; disposing it uncommitted deletes it and keeps the old log.</summary>
    internal sealed class Rewrite(PointLogFile log, string path, SafeFileHandle handle) : IDisposable
    {
        private long _length;
        private bool _committed;

        public long Length => _length;

        public void Write(ReadOnlySpan<byte> bytes)
        {
            RandomAccess.Write(handle, bytes, _length);
            _length += bytes.Length;
        }

        public void Commit()
        {
            if (log._flushToDisk)
            {
                RandomAccess.FlushToDisk(handle);
            }

            handle.Dispose();
            log.Replace(path);
            _committed = true;
        }

        public void Dispose()
        {
            handle.Dispose();
            if (!_committed)
            {
                File.Delete(path);
            }
        }
    }
}
