namespace TaskForge.GraphQL.Validation;

/// <summary>"Did you mean ...?" hints: graphql-js's suggestionList (lexical distance) and didYouMean formatting.</summary>
public static class Suggestions
{
    private const int MaxSuggestions = 5;

    public static IReadOnlyList<string> List(string input, IEnumerable<string> options)
    {
        var threshold = (int)Math.Floor(input.Length * 0.4) + 1;
        var lowerInput = input.ToLowerInvariant();
        var scored = new List<(string Option, int Distance)>();
        foreach (var option in options)
        {
            var distance = option.ToLowerInvariant() == lowerInput ? 1 : Distance(lowerInput, option.ToLowerInvariant(), threshold);
            if (distance <= threshold)
            {
                scored.Add((option, distance));
            }
        }

        scored.Sort((a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : NaturalCompare(a.Option, b.Option));
        return scored.Select(s => s.Option).ToList();
    }

    public static string DidYouMean(IReadOnlyList<string> suggestions, string? subMessage = null)
    {
        if (suggestions.Count == 0)
        {
            return string.Empty;
        }

        var message = subMessage is null ? " Did you mean " : $" Did you mean {subMessage} ";
        var quoted = suggestions.Take(MaxSuggestions).Select(s => $"\"{s}\"").ToList();
        return quoted.Count switch
        {
            1 => message + quoted[0] + "?",
            2 => message + quoted[0] + " or " + quoted[1] + "?",
            _ => message + string.Join(", ", quoted.Take(quoted.Count - 1)) + ", or " + quoted[^1] + "?",
        };
    }

    private static int Distance(string a, string b, int threshold)
    {
        if (a == b)
        {
            return 0;
        }

        if (Math.Abs(a.Length - b.Length) > threshold)
        {
            return threshold + 1;
        }

        var rows = new int[3][];
        for (var r = 0; r < 3; r++)
        {
            rows[r] = new int[b.Length + 1];
        }

        for (var j = 0; j <= b.Length; j++)
        {
            rows[0][j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var upRow = rows[(i - 1) % 3];
            var currentRow = rows[i % 3];
            var smallest = currentRow[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var current = Math.Min(Math.Min(upRow[j] + 1, currentRow[j - 1] + 1), upRow[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current = Math.Min(current, rows[(i - 2) % 3][j - 2] + 1);
                }

                smallest = Math.Min(smallest, current);
                currentRow[j] = current;
            }

            if (smallest > threshold)
            {
                return threshold + 1;
            }
        }

        var distance = rows[a.Length % 3][b.Length];
        return distance <= threshold ? distance : threshold + 1;
    }

    private static int NaturalCompare(string a, string b)
    {
        var i = 0;
        var j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (char.IsDigit(a[i]) && char.IsDigit(b[j]))
            {
                var startA = i;
                var startB = j;
                while (i < a.Length && char.IsDigit(a[i]))
                {
                    i++;
                }

                while (j < b.Length && char.IsDigit(b[j]))
                {
                    j++;
                }

                var numberCompare = long.Parse(a[startA..i], System.Globalization.CultureInfo.InvariantCulture)
                    .CompareTo(long.Parse(b[startB..j], System.Globalization.CultureInfo.InvariantCulture));
                if (numberCompare != 0)
                {
                    return numberCompare;
                }
            }
            else
            {
                if (a[i] != b[j])
                {
                    return a[i].CompareTo(b[j]);
                }

                i++;
                j++;
            }
        }

        return a.Length.CompareTo(b.Length);
    }
}
