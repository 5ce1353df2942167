namespace TaskForge.GraphQL.Language;

internal sealed partial class DocumentParser
{
    private DefinitionNode ParseDefinition()
    {
        if (Peek(TokenKind.BraceL))
        {
            return ParseOperationDefinition();
        }

        var hasDescription = PeekDescription();
        var keyword = hasDescription ? Lookahead() : _token;
        if (hasDescription && keyword.Kind == TokenKind.BraceL)
        {
            throw _lexer.Error(_token.Start, "Unexpected description, descriptions are not supported on shorthand queries.");
        }

        if (keyword.Kind == TokenKind.Name)
        {
            switch (keyword.Value)
            {
                case "schema": return ParseSchemaDefinition();
                case "scalar": return ParseScalarTypeDefinition();
                case "type": return ParseObjectTypeDefinition();
                case "interface": return ParseInterfaceTypeDefinition();
                case "union": return ParseUnionTypeDefinition();
                case "enum": return ParseEnumTypeDefinition();
                case "input": return ParseInputObjectTypeDefinition();
                case "directive": return ParseDirectiveDefinition();
            }

            switch (keyword.Value)
            {
                case "query" or "mutation" or "subscription": return ParseOperationDefinition();
                case "fragment": return ParseFragmentDefinition();
            }

            if (hasDescription)
            {
                throw _lexer.Error(_token.Start, "Unexpected description, only GraphQL definitions support descriptions.");
            }

            if (keyword.Value == "extend")
            {
                return ParseTypeSystemExtension();
            }
        }

        throw Unexpected(keyword);
    }

    private OperationDefinitionNode ParseOperationDefinition()
    {
        var start = _token.Start;
        if (Peek(TokenKind.BraceL))
        {
            var shorthand = ParseSelectionSet();
            return new OperationDefinitionNode(OperationKind.Query, null, [], [], shorthand) { Start = start, End = _previousEnd };
        }

        var description = ParseDescription();
        var operation = ParseOperationType();
        var name = Peek(TokenKind.Name) ? ParseName() : null;
        var variables = OptionalMany(TokenKind.ParenL, _parseVariableDefinition, TokenKind.ParenR);
        var directives = ParseDirectives(false);
        var selectionSet = ParseSelectionSet();
        return new OperationDefinitionNode(operation, name, variables, directives, selectionSet)
        {
            Start = start,
            End = _previousEnd,
            Description = description,
        };
    }

    private OperationKind ParseOperationType()
    {
        var token = Expect(TokenKind.Name);
        return token.Value switch
        {
            "query" => OperationKind.Query,
            "mutation" => OperationKind.Mutation,
            "subscription" => OperationKind.Subscription,
            _ => throw Unexpected(token),
        };
    }

    private VariableDefinitionNode ParseVariableDefinition()
    {
        var start = _token.Start;
        var description = ParseDescription();
        var variable = ParseVariable();
        Expect(TokenKind.Colon);
        var type = ParseTypeReference();
        var defaultValue = ExpectOptional(TokenKind.EqualsSign) ? ParseValueLiteral(true) : null;
        var directives = ParseDirectives(true);
        return new VariableDefinitionNode(variable, type, defaultValue, directives)
        {
            Start = start,
            End = _previousEnd,
            Description = description,
        };
    }

    private VariableNode ParseVariable()
    {
        var start = _token.Start;
        Expect(TokenKind.Dollar);
        var name = ParseName();
        return new VariableNode(name) { Start = start, End = _previousEnd };
    }

    private SelectionSetNode ParseSelectionSet()
    {
        var start = _token.Start;
        EnterNesting();
        var selections = Many(TokenKind.BraceL, _parseSelection, TokenKind.BraceR);
        LeaveNesting();
        return new SelectionSetNode(selections) { Start = start, End = _previousEnd };
    }

    private SelectionNode ParseSelection() => Peek(TokenKind.Spread) ? ParseFragment() : ParseField();

    private FieldNode ParseField()
    {
        var start = _token.Start;
        var nameOrAlias = ParseName();
        NameNode? alias = null;
        var name = nameOrAlias;
        if (ExpectOptional(TokenKind.Colon))
        {
            alias = nameOrAlias;
            name = ParseName();
        }

        var arguments = ParseArguments(false);
        var directives = ParseDirectives(false);
        var selectionSet = Peek(TokenKind.BraceL) ? ParseSelectionSet() : null;
        return new FieldNode(alias, name, arguments, directives, selectionSet) { Start = start, End = _previousEnd };
    }

    private IReadOnlyList<ArgumentNode> ParseArguments(bool isConst) =>
        OptionalMany(TokenKind.ParenL, isConst ? _parseConstArgument : _parseArgument, TokenKind.ParenR);

    private ArgumentNode ParseArgument(bool isConst)
    {
        var start = _token.Start;
        var name = ParseName();
        Expect(TokenKind.Colon);
        var value = ParseValueLiteral(isConst);
        return new ArgumentNode(name, value) { Start = start, End = _previousEnd };
    }

    private SelectionNode ParseFragment()
    {
        var start = _token.Start;
        Expect(TokenKind.Spread);
        var hasTypeCondition = ExpectOptionalKeyword("on");
        if (!hasTypeCondition && Peek(TokenKind.Name))
        {
            var name = ParseFragmentName();
            var spreadDirectives = ParseDirectives(false);
            return new FragmentSpreadNode(name, spreadDirectives) { Start = start, End = _previousEnd };
        }

        var typeCondition = hasTypeCondition ? ParseNamedType() : null;
        var directives = ParseDirectives(false);
        var selectionSet = ParseSelectionSet();
        return new InlineFragmentNode(typeCondition, directives, selectionSet) { Start = start, End = _previousEnd };
    }

    private FragmentDefinitionNode ParseFragmentDefinition()
    {
        var start = _token.Start;
        var description = ParseDescription();
        ExpectKeyword("fragment");
        var name = ParseFragmentName();
        ExpectKeyword("on");
        var typeCondition = ParseNamedType();
        var directives = ParseDirectives(false);
        var selectionSet = ParseSelectionSet();
        return new FragmentDefinitionNode(name, typeCondition, directives, selectionSet)
        {
            Start = start,
            End = _previousEnd,
            Description = description,
        };
    }

    private NameNode ParseFragmentName()
    {
        if (_token.Kind == TokenKind.Name && _token.Value == "on")
        {
            throw Unexpected();
        }

        return ParseName();
    }

    private IReadOnlyList<DirectiveNode> ParseDirectives(bool isConst)
    {
        if (!Peek(TokenKind.At))
        {
            return [];
        }

        var directives = new List<DirectiveNode>();
        while (Peek(TokenKind.At))
        {
            var start = _token.Start;
            Advance();
            var name = ParseName();
            var arguments = ParseArguments(isConst);
            directives.Add(new DirectiveNode(name, arguments) { Start = start, End = _previousEnd });
        }

        return directives;
    }
}
