using System.Globalization;

namespace TaskForge.Bench.Common;

/// <summary>The suites' command-line options (<c>--name value</c>).</summary>
internal static class BenchArgs
{
    /// <summary>The integer after <paramref name="name"/>, or <paramref name="fallback"/> when the option is not given.</summary>
    public static int Int(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
