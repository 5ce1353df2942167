using System.Text.Json;
using System.Text.Json.Serialization;

namespace TaskForge.Realtime.Hub;

/// <summary><c>RefreshToken</c>'s argument: a fresh access token of the connection's user (read by <see cref="RefreshTokenRequestConverter"/>).</summary>
[JsonConverter(typeof(RefreshTokenRequestConverter))]
public sealed record RefreshTokenRequest(string? AccessToken) : IHubArgument
{
    public string? Error { get; init; }
}

/// <summary>Reads <c>{ accessToken }</c> leniently (<see cref="HubArguments"/>).</summary>
public sealed class RefreshTokenRequestConverter : HubArgumentConverter<RefreshTokenRequest>
{
    protected override string Shape => "{ accessToken }";

    protected override RefreshTokenRequest Invalid(string error) => new((string?)null) { Error = error };

    protected override RefreshTokenRequest ReadMembers(JsonElement obj, string? error)
    {
        var token = HubArguments.String(HubArguments.Member(obj, "accessToken"), "accessToken", ref error);
        return new RefreshTokenRequest(token) { Error = error };
    }

    protected override void WriteMembers(Utf8JsonWriter writer, RefreshTokenRequest value, JsonSerializerOptions options) =>
        writer.WriteString("accessToken", value.AccessToken);
}

/// <summary><c>RefreshToken</c>'s result: when the connection now closes (null: it does not expire).</summary>
public sealed record RefreshTokenResponse(DateTimeOffset? ExpiresAt);
