using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Inngest.Testing.Server;

namespace Inngest.Generators.Tests.Regressions;

/// <summary>
/// A [JsonInclude] member whose getter or setter generated code cannot call keeps accessors that throw
/// InvalidOperationException, as System.Text.Json's own generator's metadata does (the oracle found Stripe.net's
/// <c>{ get; internal set; }</c> members read back as null: data silently lost). Before, the generator left the
/// accessor out: the private field was silently not sent, the private setter silently not read.
/// </summary>
public sealed class UnreachableIncludeTests
{
    private static JsonTypeInfo<T> Info<T>()
        where T : IInngestEventData<T>
        => T.JsonTypeInfo;

    [Fact]
    public void A_private_setter_is_written_and_reading_the_member_back_throws()
    {
        var value = new IncludeWithPrivateSetter("o-1");
        Assert.Equal("""{"id":"o-1","status":"new"}""", JsonSerializer.Serialize(value, Info<IncludeWithPrivateSetter>()));

        var error = Assert.Throws<InvalidOperationException>(() => JsonSerializer.Deserialize("""{"id":"o-1","status":"shipped"}""", Info<IncludeWithPrivateSetter>()));
        Assert.Contains("'Inngest.Generators.Tests.Regressions.IncludeWithPrivateSetter.Status' has [JsonInclude], but generated code cannot call its setter", error.Message, StringComparison.Ordinal);

        // Without the member in the JSON there is nothing to set: read as usual.
        Assert.Equal("o-1", JsonSerializer.Deserialize("""{"id":"o-1"}""", Info<IncludeWithPrivateSetter>())!.Id);
    }

    [Fact]
    public void An_inherited_member_is_named_by_the_type_that_declares_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => JsonSerializer.Deserialize("""{"state":"x"}""", Info<IncludeInheritedPayload>()));
        Assert.Contains("'Inngest.Generators.Tests.Regressions.IncludeBase.State' has [JsonInclude]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_private_field_makes_the_send_fail_before_any_request()
    {
        await using var server = await CaptureServer.StartAsync();
        using var client = new InngestClient(new InngestClientOptions { EventKey = "k", BaseUrl = server.BaseUrl.ToString(), EnvironmentReader = _ => null });

        var error = await Assert.ThrowsAsync<InngestEventValidationException>(() => client.SendIncludeWithPrivateFieldAsync(new IncludeWithPrivateField("o-1")));

        var inner = Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.Contains("'Inngest.Generators.Tests.Regressions.IncludeWithPrivateField._note' has [JsonInclude], but generated code cannot call its getter", inner.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void A_get_only_include_is_written_and_reading_it_back_throws_as_System_Text_Jsons_generator_does()
    {
        // A library's { get; internal set; } looks like { get; } to generated code (the internal setter is not imported
        // from metadata): System.Text.Json's generator throws for both rather than drop the value, and so does this one.
        Assert.Equal("""{"total":2,"label":"fixed"}""", JsonSerializer.Serialize(new IncludeGetOnlyPayload { Total = 2 }, Info<IncludeGetOnlyPayload>()));
        var error = Assert.Throws<InvalidOperationException>(() => JsonSerializer.Deserialize("""{"total":3,"label":"other"}""", Info<IncludeGetOnlyPayload>()));
        Assert.Contains("'Inngest.Generators.Tests.Regressions.IncludeGetOnlyPayload.Label' has [JsonInclude], but generated code cannot call its setter", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, JsonSerializer.Deserialize("""{"total":3}""", Info<IncludeGetOnlyPayload>())!.Total);
    }
}

#pragma warning disable INNG014 // what these payloads are about
[InngestEvent("regression/include.private-setter")]
public sealed partial record IncludeWithPrivateSetter(string Id)
{
    [JsonInclude]
    public string Status { get; private set; } = "new";
}

[InngestEvent("regression/include.private-field")]
public sealed partial class IncludeWithPrivateField
{
#pragma warning disable IDE0044, CS0414 // the field is what the test is about
    [JsonInclude]
    private string _note = "n";
#pragma warning restore IDE0044, CS0414

    public IncludeWithPrivateField(string id) => Id = id;

    public string Id { get; }
}

public class IncludeBase
{
    [JsonInclude]
    public string State { get; private set; } = "s";
}

[InngestEvent("regression/include.inherited")]
public sealed partial class IncludeInheritedPayload : IncludeBase
{
}
#pragma warning restore INNG014

[InngestEvent("regression/include.get-only")]
public sealed partial class IncludeGetOnlyPayload
{
    public int Total { get; set; }

    [JsonInclude]
    public string Label { get; } = "fixed";
}
