using TaskForge.Api.Accounts;
using TaskForge.Api.Commands;
using TaskForge.Api.Schema;
using TaskForge.Domain;
using TaskForge.GraphQL.Types;

namespace TaskForge.Api.Audit;

/// <summary>GraphQL <c>forgetMe</c>: the signed-in user forgets themself, confirming with their account's email (ADR 0114).</summary>
public static class ForgetMeMutation
{
    public static SchemaBuilder BindForgetMe(this SchemaBuilder schema, IServiceProvider services)
    {
        var forgetter = services.GetRequiredService<UserForgetter>();
        var accounts = services.GetRequiredService<AccountService>();
        return schema.BindFieldAsync("Mutation", "forgetMe", async ctx =>
        {
            var caller = Caller.Require(ctx);
            var input = Input.Of(ctx);
            var profile = await accounts.ProfileAsync(caller.Id, ctx.CancellationToken);
            if (profile is null)
                return Failed(new MutationError(ErrorCodes.NotFound, "Your account was not found."));
            if (!string.Equals(input.OptionalString("confirmEmail")?.Trim(), profile.Email, StringComparison.OrdinalIgnoreCase))
                return Failed(new MutationError(ErrorCodes.Validation, "confirmEmail must be your account's email.", "confirmEmail"));

            var origin = ctx.Items.TryGetValue(RequestOrigin.ItemKey, out var value) ? value as RequestOrigin : null;
            var record = await forgetter.ForgetAsync(caller.Id, origin, ctx.CancellationToken);
            return record is null
                ? Failed(new MutationError(ErrorCodes.NotFound, "Your account was not found."))
                : new Dictionary<string, object?> { ["forgotten"] = true, ["redactedEvents"] = record.RedactedEvents, ["errors"] = Array.Empty<MutationError>() };
        });
    }

    private static Dictionary<string, object?> Failed(MutationError error) =>
        new() { ["forgotten"] = false, ["redactedEvents"] = 0, ["errors"] = new[] { error } };
}
