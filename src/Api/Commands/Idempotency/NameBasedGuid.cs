using System.Security.Cryptography;
using System.Text;

namespace TaskForge.Api.Commands.Idempotency;

/// <summary>
/// Name-based UUIDs in the RFC 9562 version 8 layout over SHA-256 (section B.2): the first 128 bits of
/// SHA-256(namespace || UTF-8 name), with the version and variant bits set. The same name always gives the same id.
/// </summary>
public static class NameBasedGuid
{
    public static Guid Create(Guid namespaceId, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        namespaceId.TryWriteBytes(input, bigEndian: true, out _);
        nameBytes.CopyTo(input, 16);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
