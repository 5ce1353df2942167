using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TaskForge.Storage.Events;

namespace TaskForge.Api.Commands.Idempotency;

/// <summary>
/// A SHA-256 over the command's type and content, without its clock reading (a retry is sent at another time but is
/// the same command). Stored in the events' headers so a key reused for another command is refused.
/// </summary>
public static class CommandFingerprint
{
    public static string Of(object command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var node = JsonSerializer.SerializeToNode(command, command.GetType(), EventJson.Options) as JsonObject
            ?? throw new ArgumentException("A command serializes to a JSON object.", nameof(command));
        node.Remove("now");
        return Hash(command.GetType().FullName + "\n" + node.ToJsonString());
    }

    /// <summary>The fingerprint of a client's request (see <see cref="CommandOptions.Intent"/>) for a command of this type.</summary>
    public static string OfIntent(object command, string intent)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(intent);
        return Hash(command.GetType().FullName + "\nintent\n" + intent);
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
