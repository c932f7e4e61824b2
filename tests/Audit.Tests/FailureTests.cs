using System.Net;
using Microsoft.AspNetCore.Mvc;
using VfeTps.Stream.Contracts.Audit;

namespace VfeTps.Stream.Audit.Tests;

public sealed class FailureTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Recording_into_a_dropped_table_throws_a_clear_error_and_counts_the_failure()
    {
        using var audit = new AuditTrailForTests();
        using var failures = new CounterForTests(audit.Services, "vfetps.audit.write_failures");
        await audit.RecordAsync(AuditActions.Search);
        audit.Sql("DROP TABLE audit_entries");

        var error = await Assert.ThrowsAsync<AuditTrailUnavailableException>(() => audit.RecordAsync(AuditActions.Search, actor: "alice"));

        Assert.Contains("could not record 'search.text' by 'user:alice'", error.Message, StringComparison.Ordinal);
        Assert.Contains("no such table: audit_entries", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<InvalidOperationException>(error);
        Assert.Equal(1, failures.Total("action", AuditActions.Search));
    }

    [Fact]
    public async Task Recording_without_the_anchor_row_throws_instead_of_starting_a_new_chain()
    {
        using var audit = new AuditTrailForTests();
        audit.Sql("DROP TRIGGER audit_anchor_no_delete; DELETE FROM audit_anchor;");

        var error = await Assert.ThrowsAsync<AuditTrailUnavailableException>(() => audit.RecordAsync(AuditActions.Search));

        Assert.Contains("anchor row is missing", error.Message, StringComparison.Ordinal);
        Assert.Empty(await audit.AllAsync());
    }

    [Fact]
    public async Task Reading_and_verifying_a_broken_database_throw_a_clear_error()
    {
        using var audit = new AuditTrailForTests();
        audit.Sql("DROP TABLE audit_entries");

        var query = await Assert.ThrowsAsync<AuditTrailUnavailableException>(() => audit.Trail.QueryAsync(new AuditFilter(), Token));
        var verify = await Assert.ThrowsAsync<AuditTrailUnavailableException>(audit.VerifyAsync);
        var retention = await Assert.ThrowsAsync<AuditTrailUnavailableException>(() => audit.Trail.DeleteBeforeAsync(DateTimeOffset.UtcNow, Token));

        Assert.All(new[] { query, verify }, error => Assert.Contains("could not be read", error.Message, StringComparison.Ordinal));
        Assert.Contains("Retention could not delete", retention.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_export_cannot_be_recorded_it_is_refused_with_503()
    {
        await using var server = await AuditServer.StartAsync();
        await server.Trail.RecordAsync(AuditRecord.OfSystem(AuditActions.ModelLoaded), Token);
        using (var connection = server.Database.Open())
        using (var drop = connection.CreateCommand())
        {
            drop.CommandText = "DROP TABLE audit_entries";
            drop.ExecuteNonQuery();
        }

        using var export = await server.GetAsync("/api/audit/export?format=csv");
        using var list = await server.GetAsync("/api/audit");
        using var verify = await server.GetAsync("/api/audit/verify");

        var problem = await AuditServer.ReadAsync<ProblemDetails>(export, HttpStatusCode.ServiceUnavailable);
        Assert.Contains("could not be recorded in the audit trail", problem.Title, StringComparison.Ordinal);
        Assert.Null(export.Content.Headers.ContentDisposition);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, list.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, verify.StatusCode);
    }

    [Fact]
    public async Task An_unreadable_entry_makes_the_list_answer_503_and_verify_name_it()
    {
        await using var server = await AuditServer.StartAsync();
        await server.Trail.RecordAsync(AuditRecord.OfSystem(AuditActions.ModelLoaded), Token);
        await server.Trail.RecordAsync(AuditRecord.OfSystem(AuditActions.ModelLoaded), Token);
        using (var connection = server.Database.Open())
        using (var tamper = connection.CreateCommand())
        {
            tamper.CommandText = "DROP TRIGGER audit_entries_no_update; UPDATE audit_entries SET detail = '[1,2]' WHERE sequence = 2;";
            tamper.ExecuteNonQuery();
        }

        using var list = await server.GetAsync("/api/audit");
        using var verify = await server.GetAsync("/api/audit/verify");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, list.StatusCode);
        Assert.Equal(new AuditVerification(false, 2, 1, 2, 2), await AuditServer.ReadAsync<AuditVerification>(verify));
    }

    [Fact]
    public async Task An_export_that_meets_an_unreadable_entry_fails_visibly_instead_of_looking_complete()
    {
        await using var server = await AuditServer.StartAsync();
        for (var i = 0; i < 3; i++)
            await server.Trail.RecordAsync(AuditRecord.OfSystem(AuditActions.ModelLoaded), Token);
        using (var connection = server.Database.Open())
        using (var tamper = connection.CreateCommand())
        {
            tamper.CommandText = "DROP TRIGGER audit_entries_no_update; UPDATE audit_entries SET detail = 'oops' WHERE sequence = 2;";
            tamper.ExecuteNonQuery();
        }

        var failure = await Record.ExceptionAsync(async () =>
        {
            using var response = await server.GetAsync("/api/audit/export?format=jsonl");
            await response.Content.ReadAsStringAsync(Token);
        });

        // The connection is aborted part-way (the test server reports it as the application aborting the request).
        Assert.IsType<HttpRequestException>(failure);
        Assert.Contains("aborted the request", failure.ToString(), StringComparison.Ordinal);
    }
}
