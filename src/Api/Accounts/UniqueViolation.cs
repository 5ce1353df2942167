using JasperFx;
using Npgsql;

namespace TaskForge.Api.Accounts;

/// <summary>Recognizes PostgreSQL's unique_violation (23505) however Marten wraps it.</summary>
internal static class UniqueViolation
{
    public static bool IsOne(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } or DocumentAlreadyExistsException)
                return true;
        }

        return false;
    }
}
