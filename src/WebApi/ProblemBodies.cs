using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace VfeTps.Stream.WebApi;

/// <summary>ProblemDetails bodies for typed results that carry one (<c>NotFound&lt;ProblemDetails&gt;</c>, <c>Conflict&lt;ProblemDetails&gt;</c>).</summary>
public static class ProblemBodies
{
    public static ProblemDetails NotFound(string title, string? detail = null) =>
        new() { Status = StatusCodes.Status404NotFound, Title = title, Detail = detail, Type = "https://tools.ietf.org/html/rfc9110#section-15.5.5" };

    public static ProblemDetails Conflict(string title, string? detail = null) =>
        new() { Status = StatusCodes.Status409Conflict, Title = title, Detail = detail, Type = "https://tools.ietf.org/html/rfc9110#section-15.5.10" };
}
