namespace TaskForge.GraphQL.Tests.Types;

/// <summary>graphql-js 16 printSchema(buildSchema(StarWarsSchema.Sdl)), captured with node.</summary>
internal static class StarWarsSchemaExpected
{
    public const string Sdl = """"
        """The query root"""
        type Query {
          hero(episode: Episode): Character
          human(id: ID!): Human
          droid(id: ID!): Droid
          characters(first: Int): [Character!]!
          search(text: String!): [SearchResult]
          echo(input: EchoInput, text: String = "default", number: Int, numbers: [Int!], flag: Boolean, when: DateTime): String
          oneOf(input: OneOfInput!): String
          failing: String
          failingNonNull: String!
          typed: String
          slow: String
          nonNullList: [String!]
          json(value: JSON): JSON
        }

        type Mutation {
          increment(by: Int! = 1): Int!
          fail: Int
        }

        type Subscription {
          counter(to: Int!): Int!
        }

        enum Episode {
          NEWHOPE
          EMPIRE
          JEDI
        }

        interface Node {
          id: ID!
        }

        interface Character implements Node {
          id: ID!
          name: String!
          friends: [Character]
          appearsIn: [Episode]!
        }

        type Human implements Character & Node {
          id: ID!
          name: String!
          friends: [Character]
          appearsIn: [Episode]!
          homePlanet: String
          secret: String!
        }

        type Droid implements Character & Node {
          id: ID!
          name: String!
          friends: [Character]
          appearsIn: [Episode]!
          primaryFunction: String
        }

        union SearchResult = Human | Droid

        input EchoInput {
          text: String!
          times: Int = 1
          nested: EchoInput
        }

        input OneOfInput @oneOf {
          a: String
          b: Int
        }

        scalar DateTime

        scalar JSON
        """";
}
