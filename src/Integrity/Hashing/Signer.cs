using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace TaskForge.Integrity.Hashing;

/// <summary>HMAC-SHA256 signatures of checkpoints and redactions with the configured key.</summary>
internal sealed class Signer(byte[] key)
{
    public byte[] Checkpoint(string chainKey, long sequence, ReadOnlySpan<byte> head)
    {
        var writer = new ArrayBufferWriter<byte>(128);
        Text(writer, "checkpoint");
        Text(writer, chainKey);
        Int64(writer, sequence);
        writer.Write(head);
        return HMACSHA256.HashData(key, writer.WrittenSpan);
    }

    public byte[] Redaction(long sequence, ReadOnlySpan<byte> original, ReadOnlySpan<byte> redacted, string reason, DateTimeOffset at)
    {
        var writer = new ArrayBufferWriter<byte>(256);
        Text(writer, "redaction");
        Int64(writer, sequence);
        writer.Write(original);
        writer.Write(redacted);
        Text(writer, reason);
        Int64(writer, at.UtcTicks / 10);
        return HMACSHA256.HashData(key, writer.WrittenSpan);
    }

    public bool Verify(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual) => CryptographicOperations.FixedTimeEquals(expected, actual);

    private static void Text(ArrayBufferWriter<byte> writer, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Int64(writer, bytes.Length);
        writer.Write(bytes);
    }

    private static void Int64(ArrayBufferWriter<byte> writer, long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(writer.GetSpan(8), value);
        writer.Advance(8);
    }
}
