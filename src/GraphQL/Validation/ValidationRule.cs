using TaskForge.GraphQL.Language;

namespace TaskForge.GraphQL.Validation;

/// <summary>
/// One validation rule: called on entering and leaving every node of the document (in document order),
/// with <see cref="ValidationContext.TypeInfo"/> describing the types at that point. Returning false from
/// <see cref="Enter"/> skips the node's subtree for this rule only. A new instance serves one validation.
/// </summary>
public abstract class ValidationRule
{
    public virtual bool Enter(ValidationContext context, SyntaxNode node) => true;

    public virtual void Leave(ValidationContext context, SyntaxNode node)
    {
    }
}
