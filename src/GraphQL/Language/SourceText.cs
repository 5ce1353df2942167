namespace TaskForge.GraphQL.Language;

/// <summary>Turns character offsets into line/column locations (computed only when an error needs one).</summary>
public static class SourceText
{
    public static SourceLocation GetLocation(string text, int offset)
    {
        var line = 1;
        var lineStart = 0;
        var end = Math.Min(offset, text.Length);
        for (var i = 0; i < end; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
                lineStart = i + 1;
            }
            else if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                line++;
                lineStart = i + 1;
            }
        }

        return new SourceLocation(line, offset - lineStart + 1);
    }
}
