namespace TaskForge.GraphQL.Language;

public abstract record ValueNode : SyntaxNode;

public sealed record VariableNode(NameNode Name) : ValueNode;

public sealed record IntValueNode(string Value) : ValueNode;

public sealed record FloatValueNode(string Value) : ValueNode;

public sealed record StringValueNode(string Value, bool Block = false) : ValueNode;

public sealed record BooleanValueNode(bool Value) : ValueNode;

public sealed record NullValueNode : ValueNode;

public sealed record EnumValueNode(string Value) : ValueNode;

public sealed record ListValueNode(IReadOnlyList<ValueNode> Values) : ValueNode;

public sealed record ObjectValueNode(IReadOnlyList<ObjectFieldNode> Fields) : ValueNode;

public sealed record ObjectFieldNode(NameNode Name, ValueNode Value) : SyntaxNode;
