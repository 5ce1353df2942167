using System.Text.Json;
using System.Text.Json.Serialization;

namespace TaskForge.Realtime.Hub;

/// <summary>
/// The converters of the hub's arguments (ADR 0135): any JSON value is read; a value that is not an object, or a member of
/// the wrong kind, becomes the argument's <see cref="IHubArgument.Error"/> instead of a binding failure.
/// </summary>
public abstract class HubArgumentConverter<T> : JsonConverter<T> where T : class, IHubArgument
{
    /// <summary>What the argument looks like, for the error (<c>{ scopes, after }</c>).</summary>
    protected abstract string Shape { get; }

    /// <summary>The argument for a value that is not an object.</summary>
    protected abstract T Invalid(string error);

    /// <summary>Reads the members of an object, noting the first problem in <paramref name="error"/>, and returns the argument with it.</summary>
    protected abstract T ReadMembers(JsonElement obj, string? error);

    protected abstract void WriteMembers(Utf8JsonWriter writer, T value, JsonSerializerOptions options);

    public sealed override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        return HubArguments.IsObject(root, Shape, out var error) ? ReadMembers(root, null) : Invalid(error!);
    }

    public sealed override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        WriteMembers(writer, value, options);
        writer.WriteEndObject();
    }
}
