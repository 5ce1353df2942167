using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RedisRateLimiting;
using StackExchange.Redis;

namespace TaskForge.Api.Accounts;

/// <summary>
/// One global token bucket per signed-in user (<c>sub</c>), else per client IP (ADR 0080). With
/// <c>ConnectionStrings:Redis</c> the buckets live in Redis and are shared by every node; otherwise in this process.
/// </summary>
internal static class RateLimiting
{
    public static void AddTaskForgeRateLimiting(this WebApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection("RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions();
        var redis = builder.Configuration.GetConnectionString("Redis");
        if (!string.IsNullOrWhiteSpace(redis))
            Operations.RedisConnection.Register(builder.Services, redis);

        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IServiceProvider>((options, services) =>
        {
            var multiplexer = string.IsNullOrWhiteSpace(redis) ? null : services.GetRequiredService<IConnectionMultiplexer>();
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, limits, multiplexer));
            options.OnRejected = (rejected, _) => RejectAsync(rejected, limits);
        });
    }

    private static RateLimitPartition<string> Partition(HttpContext context, RateLimitOptions limits, IConnectionMultiplexer? redis)
    {
        if (Operations.ProbePaths.IsProbe(context.Request.Path))
            return RateLimitPartition.GetNoLimiter("unlimited");

        var user = context.User.UserId();
        var key = user is { } id ? $"user:{id}" : $"ip:{context.Connection.RemoteIpAddress?.ToString() ?? "unknown"}";
        var bucket = Bucket(user is null ? limits.AnonymousPermitsPerMinute : limits.PermitsPerMinute, limits.Burst);
        if (redis is null)
        {
            return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = bucket.TokenLimit,
                TokensPerPeriod = bucket.TokensPerPeriod,
                ReplenishmentPeriod = bucket.Period,
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        }

        return RedisRateLimitPartition.GetTokenBucketRateLimiter("taskforge:" + key, _ => new RedisTokenBucketRateLimiterOptions
        {
            ConnectionMultiplexerFactory = () => redis,
            TokenLimit = bucket.TokenLimit,
            TokensPerPeriod = bucket.TokensPerPeriod,
            ReplenishmentPeriod = bucket.Period,
        });
    }

    // permitsPerMinute spread over the minute: 600/min is 10 every second; 3/min is 1 every 20 s.
    internal static (int TokenLimit, int TokensPerPeriod, TimeSpan Period) Bucket(int permitsPerMinute, int burst)
    {
        var permits = Math.Max(1, permitsPerMinute);
        var perPeriod = Math.Max(1, permits / 60);
        return (Math.Max(1, burst), perPeriod, TimeSpan.FromMinutes(1) * perPeriod / permits);
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, RateLimitOptions limits)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
            ? wait
            : Bucket(context.User.UserId() is null ? limits.AnonymousPermitsPerMinute : limits.PermitsPerMinute, limits.Burst).Period;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await ErrorResponses.WriteAsync(context, StatusCodes.Status429TooManyRequests, ErrorResponses.RateLimited,
            $"Too many requests; retry after {seconds} s.");
    }
}
