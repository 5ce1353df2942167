namespace TaskForge.Projections.Storage;

/// <summary>
/// Moves rows between a read model's table and its archive in one statement, for what is deleted and may come back
/// whole (a deleted task, ADR 0140). Replaying a move is harmless: the rows are gone from where they came from.
/// </summary>
public static class ProjectionArchive
{
    /// <summary>
    /// SQL that moves the rows of <paramref name="from"/> whose <paramref name="key"/> is $1 into <paramref name="to"/>,
    /// column for column (<paramref name="columns"/>, or all when the two tables have the same columns in the same order).
    /// </summary>
    public static string Move(string from, string to, string key, string columns = "*")
    {
        var list = columns == "*" ? "" : $" ({columns})";
        return $"WITH moved AS (DELETE FROM {from} WHERE {key} = $1 RETURNING {columns}) INSERT INTO {to}{list} SELECT * FROM moved ON CONFLICT DO NOTHING";
    }
}
