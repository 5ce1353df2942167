using System.Globalization;
using System.Text;

namespace TaskForge.GraphQL.Language;

internal sealed partial class Lexer
{
    private Token ReadString(int start)
    {
        var body = _body;
        var position = start + 1;
        var chunkStart = position;
        StringBuilder? value = null;
        while (position < body.Length)
        {
            var c = body[position];
            if (c == '"')
            {
                string text;
                if (value is null)
                {
                    text = body.Substring(chunkStart, position - chunkStart);
                }
                else
                {
                    value.Append(body, chunkStart, position - chunkStart);
                    text = value.ToString();
                }

                _position = position + 1;
                return new Token(TokenKind.String, start, position + 1, text);
            }

            if (c == '\\')
            {
                value ??= new StringBuilder();
                value.Append(body, chunkStart, position - chunkStart);
                position += ReadEscape(position, value);
                chunkStart = position;
                continue;
            }

            if (c is '\n' or '\r')
            {
                break;
            }

            position = AdvanceSourceCharacter(position);
        }

        throw Error(position, "Unterminated string.");
    }

    private int AdvanceSourceCharacter(int position)
    {
        if (IsUnicodeScalar(_body[position]))
        {
            return position + 1;
        }

        if (IsSupplementary(position))
        {
            return position + 2;
        }

        throw Error(position, $"Invalid character within String: {PrintCodePointAt(position)}.");
    }

    private int ReadEscape(int position, StringBuilder value)
    {
        var next = CharAt(position + 1);
        switch (next)
        {
            case '"': value.Append('"'); return 2;
            case '\\': value.Append('\\'); return 2;
            case '/': value.Append('/'); return 2;
            case 'b': value.Append('\b'); return 2;
            case 'f': value.Append('\f'); return 2;
            case 'n': value.Append('\n'); return 2;
            case 'r': value.Append('\r'); return 2;
            case 't': value.Append('\t'); return 2;
            case 'u':
                return CharAt(position + 2) == '{'
                    ? ReadVariableWidthEscape(position, value)
                    : ReadFixedWidthEscape(position, value);
            default:
                throw Error(position, $"Invalid character escape sequence: \"{Slice(position, 2)}\".");
        }
    }

    private int ReadVariableWidthEscape(int position, StringBuilder value)
    {
        var point = 0;
        var size = 3;
        while (size < 12)
        {
            var c = CharAt(position + size++);
            if (c == '}')
            {
                if (size < 5 || !IsScalarPoint(point))
                {
                    break;
                }

                value.Append(char.ConvertFromUtf32(point));
                return size;
            }

            var digit = HexValue(c);
            point = (point << 4) | digit;
            if (digit < 0 || point < 0)
            {
                break;
            }
        }

        throw Error(position, $"Invalid Unicode escape sequence: \"{Slice(position, size)}\".");
    }

    private int ReadFixedWidthEscape(int position, StringBuilder value)
    {
        var code = ReadHex4(position + 2);
        if (code >= 0 && !char.IsSurrogate((char)code))
        {
            value.Append((char)code);
            return 6;
        }

        if (code >= 0 && char.IsHighSurrogate((char)code) && CharAt(position + 6) == '\\' && CharAt(position + 7) == 'u')
        {
            var trailing = ReadHex4(position + 8);
            if (trailing >= 0 && char.IsLowSurrogate((char)trailing))
            {
                value.Append((char)code).Append((char)trailing);
                return 12;
            }
        }

        throw Error(position, $"Invalid Unicode escape sequence: \"{Slice(position, 6)}\".");
    }

    private int ReadHex4(int position)
    {
        var result = 0;
        for (var i = 0; i < 4; i++)
        {
            var digit = HexValue(CharAt(position + i));
            if (digit < 0)
            {
                return -1;
            }

            result = (result << 4) | digit;
        }

        return result;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    private static bool IsScalarPoint(int point) => point is (>= 0 and <= 0xD7FF) or (>= 0xE000 and <= 0x10FFFF);

    private string Slice(int position, int length) =>
        _body.Substring(position, Math.Min(length, _body.Length - position));

    private Token ReadBlockString(int start)
    {
        var body = _body;
        var position = start + 3;
        var lineStart = position;
        var currentLine = new StringBuilder();
        var lines = new List<string>();
        while (position < body.Length)
        {
            var c = body[position];
            if (c == '"' && CharAt(position + 1) == '"' && CharAt(position + 2) == '"')
            {
                currentLine.Append(body, lineStart, position - lineStart);
                lines.Add(currentLine.ToString());
                _position = position + 3;
                return new Token(TokenKind.BlockString, start, position + 3, BlockStrings.Dedent(lines));
            }

            if (c == '\\' && CharAt(position + 1) == '"' && CharAt(position + 2) == '"' && CharAt(position + 3) == '"')
            {
                currentLine.Append(body, lineStart, position - lineStart);
                lineStart = position + 1;
                position += 4;
                continue;
            }

            if (c is '\n' or '\r')
            {
                currentLine.Append(body, lineStart, position - lineStart);
                lines.Add(currentLine.ToString());
                currentLine.Clear();
                position += c == '\r' && CharAt(position + 1) == '\n' ? 2 : 1;
                lineStart = position;
                continue;
            }

            position = AdvanceSourceCharacter(position);
        }

        throw Error(position, "Unterminated string.");
    }
}
