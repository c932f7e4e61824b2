using Microsoft.Data.Sqlite;

namespace VfeTps.Stream.Audit.Storage;

/// <summary>
/// The WHERE clause of a filtered read. Only fixed SQL text is built; every value travels as a parameter.
/// </summary>
internal static class AuditQuerySql
{
    /// <summary>Adds the conditions and their parameters to <paramref name="command"/>; returns the WHERE clause (or empty).</summary>
    public static string Where(SqliteCommand command, AuditFilter filter)
    {
        var conditions = new List<string>();
        if (filter.From is { } from)
        {
            conditions.Add("time >= $from");
            command.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
        }

        if (filter.To is { } to)
        {
            conditions.Add("time < $to");
            command.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
        }

        if (filter.Actor is { } actor)
        {
            conditions.Add("(actor_id = $actor OR actor_name = $actor)");
            command.Parameters.AddWithValue("$actor", actor);
        }

        if (filter.Action is { } action)
        {
            if (filter.ActionIsPrefix)
            {
                // "search." matches every action from "search." up to (not including) "search/": '/' follows '.'
                // in the binary collation, so this is an exact prefix test that can use the index.
                conditions.Add("(action >= $action AND action < $actionEnd)");
                command.Parameters.AddWithValue("$action", action);
                command.Parameters.AddWithValue("$actionEnd", string.Concat(action.AsSpan(0, action.Length - 1), "/"));
            }
            else
            {
                conditions.Add("action = $action");
                command.Parameters.AddWithValue("$action", action);
            }
        }

        if (filter.Before is { } before)
        {
            conditions.Add("sequence < $before");
            command.Parameters.AddWithValue("$before", before);
        }

        return conditions.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", conditions);
    }
}
