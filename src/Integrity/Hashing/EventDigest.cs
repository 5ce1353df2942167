using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using TaskForge.Integrity.Storage;

namespace TaskForge.Integrity.Hashing;

/// <summary>
/// The digests of the chain. Data digest = SHA-256 of the event's jsonb text; content digest = SHA-256 of the data digest
/// and every other stored field, each length-prefixed; link = SHA-256(previous link ‖ sequence ‖ content digest).
/// </summary>
public static class EventDigest
{
    public const int Size = 32;

    /// <summary>The link before the first event of a chain.</summary>
    public static ReadOnlySpan<byte> Genesis => new byte[Size];

    public static byte[] Data(string dataText)
    {
        ArgumentNullException.ThrowIfNull(dataText);
        var max = Encoding.UTF8.GetMaxByteCount(dataText.Length);
        var rented = ArrayPool<byte>.Shared.Rent(max);
        try
        {
            var length = Encoding.UTF8.GetBytes(dataText, rented);
            return SHA256.HashData(rented.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    internal static byte[] Content(StoredEvent e, ReadOnlySpan<byte> dataDigest)
    {
        var writer = new ArrayBufferWriter<byte>(256 + (e.Headers?.Length ?? 0) * 3);
        writer.Write(dataDigest);
        Field(writer, e.Id.ToString("N"));
        Field(writer, e.Type);
        Field(writer, e.StreamId);
        Int64(writer, e.Version);
        // Microseconds: PostgreSQL's timestamptz resolution, so the value read back is always the same.
        Int64(writer, (e.Timestamp.ToUniversalTime().Ticks - DateTime.UnixEpoch.Ticks) / 10);
        Field(writer, e.TenantId);
        Field(writer, e.CorrelationId);
        Field(writer, e.CausationId);
        Field(writer, e.Headers);
        return SHA256.HashData(writer.WrittenSpan);
    }

    public static byte[] Link(ReadOnlySpan<byte> previous, long sequence, ReadOnlySpan<byte> contentDigest)
    {
        Span<byte> buffer = stackalloc byte[Size + 8 + Size];
        previous.CopyTo(buffer);
        BinaryPrimitives.WriteInt64BigEndian(buffer[Size..], sequence);
        contentDigest.CopyTo(buffer[(Size + 8)..]);
        return SHA256.HashData(buffer);
    }

    private static void Field(ArrayBufferWriter<byte> writer, string? value)
    {
        if (value is null)
        {
            Int32(writer, -1);
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(value);
        Int32(writer, bytes.Length);
        writer.Write(bytes);
    }

    private static void Int32(ArrayBufferWriter<byte> writer, int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(writer.GetSpan(4), value);
        writer.Advance(4);
    }

    private static void Int64(ArrayBufferWriter<byte> writer, long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(writer.GetSpan(8), value);
        writer.Advance(8);
    }
}
