using TaskForge.GraphQL.Language;

namespace TaskForge.GraphQL.Validation.Rules;

/// <summary>Leaf fields have no selection; object, interface and union fields must have one.</summary>
public sealed class ScalarLeafsRule : ValidationRule
{
    public override bool Enter(ValidationContext context, SyntaxNode node)
    {
        if (node is not FieldNode field || context.TypeInfo.Type is not { } type)
        {
            return true;
        }

        var name = field.Name.Value;
        if (type.IsLeafType)
        {
            if (field.SelectionSet is { } selectionSet)
            {
                context.ReportError($"Field \"{name}\" must not have a selection since type \"{type}\" has no subfields.", selectionSet);
            }
        }
        else if (field.SelectionSet is null)
        {
            context.ReportError($"Field \"{name}\" of type \"{type}\" must have a selection of subfields. Did you mean \"{name} {{ ... }}\"?", field);
        }
        else if (field.SelectionSet.Selections.Count == 0)
        {
            context.ReportError($"Field \"{name}\" of type \"{type}\" must have at least one field selected.", field);
        }

        return true;
    }
}
