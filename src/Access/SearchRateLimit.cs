using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VfeTps.Stream.Contracts.Access;

namespace VfeTps.Stream.Access;

/// <summary>
/// The <see cref="AccessPolicies.SearchRateLimit"/> policy: a token bucket per actor (each user and each API
/// key has its own), <see cref="AccessOptions.SearchBurst"/> deep, refilled one token at a time at
/// <see cref="AccessOptions.SearchRequestsPerMinute"/>. Refusals are 429 ProblemDetails with Retry-After.
/// </summary>
internal static class SearchRateLimit
{
    /// <summary>At most one token every 10 ms.</summary>
    public const int MaxRequestsPerMinute = 6000;

    public static void Configure(RateLimiterOptions limiter)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.AddPolicy(AccessPolicies.SearchRateLimit, context =>
        {
            var options = context.RequestServices.GetRequiredService<IOptions<AccessOptions>>().Value;
            return RateLimitPartition.GetTokenBucketLimiter(context.User.ActorId(), _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = options.SearchBurst,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromMinutes(1) / options.SearchRequestsPerMinute,
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        });
        limiter.OnRejected = async (rejected, cancellationToken) =>
        {
            var context = rejected.HttpContext;
            context.RequestServices.GetRequiredService<AccessMetrics>().RateLimited(AccessPolicies.SearchRateLimit);
            var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
            var seconds = Problems.RetryAfterSeconds(retryAfter);
            await Problems.TooManyRequests(
                    context.Response,
                    retryAfter,
                    "Too many searches.",
                    $"Searches are limited per user and per API key; try again in {seconds.ToString(CultureInfo.InvariantCulture)} s.")
                .ExecuteAsync(context).ConfigureAwait(false);
        };
    }
}
