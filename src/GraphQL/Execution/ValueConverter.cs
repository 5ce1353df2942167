using System.Globalization;

namespace TaskForge.GraphQL.Execution;

/// <summary>Converts coerced argument values to the CLR type a resolver asks for.</summary>
internal static class ValueConverter
{
    public static T? ConvertTo<T>(object? value)
    {
        if (value is null)
        {
            return default;
        }

        if (value is T typed)
        {
            return typed;
        }

        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        if (target.IsEnum && value is string name)
        {
            return (T)Enum.Parse(target, name.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true);
        }

        if (target == typeof(Guid) && value is string text)
        {
            return (T)(object)Guid.Parse(text, CultureInfo.InvariantCulture);
        }

        if (value is IConvertible && typeof(IConvertible).IsAssignableFrom(target))
        {
            return (T)Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
        }

        throw new InvalidCastException($"Cannot convert argument value of type {value.GetType().Name} to {typeof(T).Name}.");
    }
}
