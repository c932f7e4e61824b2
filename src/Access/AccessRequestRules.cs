using System.Security.Claims;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.Contracts.Access;
using VfeTps.Stream.WebApi;

namespace VfeTps.Stream.Access;

/// <summary>Validation of the fields shared by user and key requests: roles, cameras, key names, and the rules between them.</summary>
internal static class AccessRequestRules
{
    /// <summary>The roles in canonical order, or null (with an error) when missing, empty or unknown.</summary>
    public static IReadOnlyList<string>? Roles(IReadOnlyList<string?>? roles, ValidationErrors errors)
    {
        var valid = $"The roles are: {string.Join(", ", SiteRoles.All)}.";
        if (roles is null || roles.Count == 0)
        {
            errors.Add("roles", $"At least one role is required. {valid}");
            return null;
        }

        var unknown = roles.Where(role => !SiteRoles.IsKnown(role)).Take(5).ToArray();
        if (unknown.Length > 0)
        {
            errors.Add("roles", $"Unknown role {string.Join(", ", unknown.Select(ValidationErrors.Quote))}. {valid}");
            return null;
        }

        return StoredLists.CanonicalRoles(roles!);
    }

    /// <summary>The cameras (sorted, distinct), null for every camera (or, with an error, when one is not a camera id).</summary>
    public static IReadOnlyList<string>? Cameras(IReadOnlyList<string?>? cameras, ValidationErrors errors)
    {
        if (cameras is null)
            return null;
        if (cameras.Count > AccessLimits.MaxCameras)
        {
            errors.Add("cameras", $"At most {AccessLimits.MaxCameras} cameras may be listed (got {cameras.Count}); use null for every camera.");
            return null;
        }

        var invalid = cameras.Where(camera => !CameraIds.IsValid(camera)).Take(5).ToArray();
        if (invalid.Length > 0)
        {
            errors.Add("cameras", $"{string.Join(", ", invalid.Select(ValidationErrors.Quote))} is not a camera id: "
                + $"use 1–{CameraIds.MaxLength} lower-case letters, digits and '-', starting with a letter or digit.");
            return null;
        }

        return cameras.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray()!;
    }

    /// <summary>
    /// The admin role sees every camera: it manages users and keys, so an administrator restricted to some
    /// cameras could lift their own restriction or mint an unrestricted key. A restricted admin is an error on "cameras".
    /// </summary>
    public static void AdminSeesEveryCamera(IReadOnlyList<string> roles, IReadOnlyList<string>? cameras, ValidationErrors errors)
    {
        if (cameras is not null && roles.Contains(SiteRoles.Admin, StringComparer.Ordinal))
        {
            errors.Add("cameras", "The admin role sees every camera (it manages users and keys, so a camera restriction would not hold): "
                + "use \"cameras\": null, or leave the admin role out.");
        }
    }

    /// <summary>A key holds at most what its creator holds: only the creator's roles, only cameras the creator may see.</summary>
    public static void WithinCreator(ClaimsPrincipal creator, IReadOnlyList<string> roles, IReadOnlyList<string>? cameras, ValidationErrors errors)
    {
        var beyond = roles.Except(creator.Roles(), StringComparer.Ordinal).ToArray();
        if (beyond.Length > 0)
            errors.Add("roles", $"A key can only hold roles its creator holds; you do not hold {string.Join(", ", beyond)}.");
        var scope = creator.CameraScope();
        if (scope.IsEverything)
            return;
        if (cameras is null)
        {
            errors.Add("cameras", "Your cameras are restricted, so a key you create must list its cameras, within yours.");
            return;
        }

        var outside = cameras.Where(camera => !scope.Allows(camera)).Take(5).ToArray();
        if (outside.Length > 0)
            errors.Add("cameras", $"A key can only see cameras its creator sees; you do not see {string.Join(", ", outside.Select(ValidationErrors.Quote))}.");
    }

    public static string? KeyName(string? name, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(name))
        {
            errors.Add("name", "A key name is required (what or who uses the key).");
            return null;
        }

        if (name.Length > AccessLimits.MaxKeyNameLength)
        {
            errors.Add("name", $"A key name may have at most {AccessLimits.MaxKeyNameLength} characters (got {name.Length}).");
            return null;
        }

        if (!TextRules.IsDisplayable(name))
        {
            errors.Add("name", "A key name may not contain control or invisible formatting characters, nor start or end with a space.");
            return null;
        }

        return name;
    }

    public static string? UserName(string? name, ValidationErrors errors, string field = "name")
    {
        if (UserNames.IsValid(name))
            return name;
        errors.Add(field, name is null or "" ? "A user name is required." : $"{ValidationErrors.Quote(name)} is not a user name: use {UserNames.Rule}.");
        return null;
    }

    public static string? Password(string? password, ValidationErrors errors, string field = "password")
    {
        if (PasswordRules.Check(password) is { } problem)
        {
            errors.Add(field, problem);
            return null;
        }

        return password;
    }
}
