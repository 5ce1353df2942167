namespace TaskForge.GraphQL.Language;

/// <summary>
/// Reads tokens from a document on demand. Ignored tokens (white space, line terminators, commas,
/// comments, BOM) are skipped; punctuators and numbers allocate nothing but the token struct.
/// </summary>
internal sealed partial class Lexer
{
    private readonly string _body;
    private int _position;

    public Lexer(string body)
    {
        _body = body;
    }

    public string Body => _body;

    public int Position
    {
        get => _position;
        set => _position = value;
    }

    public Token Next()
    {
        var body = _body;
        var length = body.Length;
        var position = _position;
        while (position < length)
        {
            var c = body[position];
            switch (c)
            {
                case '\uFEFF':
                case '\t':
                case ' ':
                case ',':
                case '\n':
                case '\r':
                    position++;
                    continue;
                case '#':
                    position = SkipComment(position);
                    continue;
                case '!':
                    return Punctuator(TokenKind.Bang, position);
                case '$':
                    return Punctuator(TokenKind.Dollar, position);
                case '&':
                    return Punctuator(TokenKind.Amp, position);
                case '(':
                    return Punctuator(TokenKind.ParenL, position);
                case ')':
                    return Punctuator(TokenKind.ParenR, position);
                case '.':
                    if (position + 2 < length && body[position + 1] == '.' && body[position + 2] == '.')
                    {
                        _position = position + 3;
                        return new Token(TokenKind.Spread, position, position + 3, null);
                    }

                    break;
                case ':':
                    return Punctuator(TokenKind.Colon, position);
                case '=':
                    return Punctuator(TokenKind.EqualsSign, position);
                case '@':
                    return Punctuator(TokenKind.At, position);
                case '[':
                    return Punctuator(TokenKind.BracketL, position);
                case ']':
                    return Punctuator(TokenKind.BracketR, position);
                case '{':
                    return Punctuator(TokenKind.BraceL, position);
                case '|':
                    return Punctuator(TokenKind.Pipe, position);
                case '}':
                    return Punctuator(TokenKind.BraceR, position);
                case '"':
                    return position + 2 < length && body[position + 1] == '"' && body[position + 2] == '"'
                        ? ReadBlockString(position)
                        : ReadString(position);
            }

            if (IsNameStart(c))
            {
                return ReadName(position);
            }

            if (c is (>= '0' and <= '9') or '-')
            {
                return ReadNumber(position);
            }

            throw Error(position, c == '\''
                ? "Unexpected single quote character ('), did you mean to use a double quote (\")?"
                : IsUnicodeScalar(c) || IsSupplementary(position)
                    ? $"Unexpected character: {PrintCodePointAt(position)}."
                    : $"Invalid character: {PrintCodePointAt(position)}.");
        }

        _position = position;
        return new Token(TokenKind.EndOfFile, length, length, null);
    }

    public GraphQLSyntaxException Error(int position, string description) =>
        new(description, position, SourceText.GetLocation(_body, position));

    internal static bool IsNameStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';

    internal static bool IsNameContinue(char c) => IsNameStart(c) || c is >= '0' and <= '9';

    private Token Punctuator(TokenKind kind, int position)
    {
        _position = position + 1;
        return new Token(kind, position, position + 1, null);
    }

    private int SkipComment(int position)
    {
        var body = _body;
        position++;
        while (position < body.Length && body[position] != '\n' && body[position] != '\r')
        {
            position++;
        }

        return position;
    }

    private Token ReadName(int start)
    {
        var body = _body;
        var position = start + 1;
        while (position < body.Length && IsNameContinue(body[position]))
        {
            position++;
        }

        _position = position;
        return new Token(TokenKind.Name, start, position, body.Substring(start, position - start));
    }

    private Token ReadNumber(int start)
    {
        var position = start;
        var isFloat = false;
        var c = CharAt(position);
        if (c == '-')
        {
            c = CharAt(++position);
        }

        if (c == '0')
        {
            c = CharAt(++position);
            if (c is >= '0' and <= '9')
            {
                throw Error(position, $"Invalid number, unexpected digit after 0: {PrintCodePointAt(position)}.");
            }
        }
        else
        {
            position = ReadDigits(position);
            c = CharAt(position);
        }

        if (c == '.')
        {
            isFloat = true;
            position = ReadDigits(position + 1);
            c = CharAt(position);
        }

        if (c is 'e' or 'E')
        {
            isFloat = true;
            c = CharAt(++position);
            if (c is '+' or '-')
            {
                ++position;
            }

            position = ReadDigits(position);
            c = CharAt(position);
        }

        if (c == '.' || IsNameStart(c))
        {
            throw Error(position, $"Invalid number, expected digit but got: {PrintCodePointAt(position)}.");
        }

        _position = position;
        return new Token(isFloat ? TokenKind.Float : TokenKind.Int, start, position, _body.Substring(start, position - start));
    }

    private int ReadDigits(int position)
    {
        var c = CharAt(position);
        if (c is not (>= '0' and <= '9'))
        {
            throw Error(position, $"Invalid number, expected digit but got: {PrintCodePointAt(position)}.");
        }

        while (CharAt(++position) is >= '0' and <= '9')
        {
        }

        return position;
    }

    private char CharAt(int position) => position < _body.Length ? _body[position] : '\0';

    private static bool IsUnicodeScalar(char c) => !char.IsSurrogate(c);

    private bool IsSupplementary(int position) =>
        position + 1 < _body.Length && char.IsHighSurrogate(_body[position]) && char.IsLowSurrogate(_body[position + 1]);

    private string PrintCodePointAt(int position)
    {
        if (position >= _body.Length)
        {
            return "<EOF>";
        }

        int code = IsSupplementary(position) ? char.ConvertToUtf32(_body[position], _body[position + 1]) : _body[position];
        if (code is >= 0x20 and <= 0x7E)
        {
            return code == '"' ? "'\"'" : $"\"{(char)code}\"";
        }

        return "U+" + code.ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
    }
}
