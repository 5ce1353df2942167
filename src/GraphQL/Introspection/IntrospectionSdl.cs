namespace TaskForge.GraphQL.Introspection;

/// <summary>The introspection types of the GraphQL specification (September 2025), as SDL.</summary>
internal static class IntrospectionSdl
{
    public const string Text = """
        "The capabilities of the server: its types, directives and root operation types."
        type __Schema {
          description: String
          "Every type the server knows."
          types: [__Type!]!
          "The root type of query operations."
          queryType: __Type!
          "The root type of mutation operations, if mutations are supported."
          mutationType: __Type
          "The root type of subscription operations, if subscriptions are supported."
          subscriptionType: __Type
          "Every directive the server knows."
          directives: [__Directive!]!
        }

        "A type of the schema; which fields are set depends on its `kind`."
        type __Type {
          kind: __TypeKind!
          name: String
          description: String
          specifiedByURL: String
          fields(includeDeprecated: Boolean = false): [__Field!]
          interfaces: [__Type!]
          possibleTypes: [__Type!]
          enumValues(includeDeprecated: Boolean = false): [__EnumValue!]
          inputFields(includeDeprecated: Boolean = false): [__InputValue!]
          ofType: __Type
          isOneOf: Boolean
        }

        "The kind of a `__Type`."
        enum __TypeKind {
          "A scalar."
          SCALAR
          "An object: `fields` and `interfaces` are set."
          OBJECT
          "An interface: `fields`, `interfaces` and `possibleTypes` are set."
          INTERFACE
          "A union: `possibleTypes` is set."
          UNION
          "An enum: `enumValues` is set."
          ENUM
          "An input object: `inputFields` is set."
          INPUT_OBJECT
          "A list: `ofType` is set."
          LIST
          "A non-null wrapper: `ofType` is set."
          NON_NULL
        }

        "A field of an object or interface type."
        type __Field {
          name: String!
          description: String
          args(includeDeprecated: Boolean = false): [__InputValue!]!
          type: __Type!
          isDeprecated: Boolean!
          deprecationReason: String
        }

        "An argument or an input field, with its type and default value."
        type __InputValue {
          name: String!
          description: String
          type: __Type!
          "The default value, printed as a GraphQL literal."
          defaultValue: String
          isDeprecated: Boolean!
          deprecationReason: String
        }

        "A value of an enum type."
        type __EnumValue {
          name: String!
          description: String
          isDeprecated: Boolean!
          deprecationReason: String
        }

        "A directive the server supports, where it may appear and its arguments."
        type __Directive {
          name: String!
          description: String
          isRepeatable: Boolean!
          locations: [__DirectiveLocation!]!
          args(includeDeprecated: Boolean = false): [__InputValue!]!
        }

        "Where a directive may appear."
        enum __DirectiveLocation {
          QUERY
          MUTATION
          SUBSCRIPTION
          FIELD
          FRAGMENT_DEFINITION
          FRAGMENT_SPREAD
          INLINE_FRAGMENT
          VARIABLE_DEFINITION
          SCHEMA
          SCALAR
          OBJECT
          FIELD_DEFINITION
          ARGUMENT_DEFINITION
          INTERFACE
          UNION
          ENUM
          ENUM_VALUE
          INPUT_OBJECT
          INPUT_FIELD_DEFINITION
        }
        """;
}
