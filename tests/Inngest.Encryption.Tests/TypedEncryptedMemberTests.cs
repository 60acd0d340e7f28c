using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using Inngest.Testing.Server;

namespace Inngest.Encryption.Tests;

/// <summary>
/// An event that declares its encrypted member (<see cref="InngestEncryptedAttribute"/>) is refused, before any request,
/// by a client that would send that member in plaintext, and goes out encrypted (readable by the real npm middleware)
/// through one that encrypts it.
/// </summary>
public sealed class TypedEncryptedMemberTests
{
    private const string Key = "typed-member-key-7";

    private static PersonalData Ada => new("ada@example.com", "Ada Lovelace", new[] { "vip" });

    private static string? EncryptedFieldOf<T>()
        where T : IInngestEventData<T>
        => T.EncryptedField;

    [Fact]
    public void The_generator_declares_the_members_JSON_name_and_events_carry_it()
    {
        Assert.Equal("encrypted", EncryptedFieldOf<AccountOpened>());
        Assert.Equal("pii", EncryptedFieldOf<ProfileChanged>());
        Assert.Null(EncryptedFieldOf<SignupCompleted>());
        Assert.Equal("encrypted", new AccountOpened("pro", Ada).ToEvent().EncryptedField);
        Assert.Equal("encrypted", InngestEvent.Create(new AccountOpened("pro", Ada)).EncryptedField);
        Assert.Null(InngestEvent.Create(new SignupCompleted("pro", Ada)).EncryptedField);
    }

    [Fact]
    public async Task Without_encryption_the_send_fails_before_any_request_and_says_how_to_fix_it()
    {
        await using var server = await CaptureServer.StartAsync();
        using var client = ClientFactory.Create(server, _ => { });

        var single = await Assert.ThrowsAsync<InngestConfigurationException>(() => client.SendAccountOpenedAsync(new AccountOpened("pro", Ada)));
        // A batch whose plain events are fine is refused as a whole: nothing of the call is sent.
        var batch = await Assert.ThrowsAsync<InngestConfigurationException>(() => client.SendAsync(new InngestEvent[]
        {
            new SignupCompleted("free", Ada).ToEvent(),
            new AccountOpened("pro", Ada).ToEvent(),
        }));

        Assert.Empty(server.Requests);
        Assert.Contains("Event 1 ('test/account.opened')", batch.Message, StringComparison.Ordinal);
        foreach (var message in new[] { single.Message, batch.Message })
        {
            Assert.Contains("data.encrypted is marked [InngestEncrypted]", message, StringComparison.Ordinal);
            Assert.Contains("Nothing was sent", message, StringComparison.Ordinal);
            Assert.Contains("AddEncryption", message, StringComparison.Ordinal);
            Assert.DoesNotContain("ada@example.com", message, StringComparison.Ordinal);
            Assert.DoesNotContain(ClientFactory.EventKey, message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Encryption_of_another_field_is_refused_too()
    {
        await using var server = await CaptureServer.StartAsync();
        using var client = ClientFactory.Create(server, o => o.AddEncryption(new InngestEncryptionOptions { Key = Key, FieldName = "pii" }));

        var error = await Assert.ThrowsAsync<InngestConfigurationException>(() => client.SendAccountOpenedAsync(new AccountOpened("pro", Ada)));
        Assert.Contains("encrypts the field 'encrypted'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error.Message, StringComparison.Ordinal);

        // The event whose member is written as "pii" goes out through the same client.
        await client.SendProfileChangedAsync(new ProfileChanged("u_1", Ada));
        var data = Assert.Single(server.Requests).BodyJson[0].GetProperty("data");
        Assert.True(InngestEventEncryption.IsLibsodiumValue(data.GetProperty("pii")), data.GetRawText());
        Assert.Equal("u_1", data.GetProperty("userId").GetString());
    }

    [Fact]
    public async Task With_encryption_the_member_is_sent_encrypted_and_the_npm_middleware_reads_it()
    {
        await using var server = await CaptureServer.StartAsync();
        using var client = ClientFactory.Create(server, o => o.AddEncryption(new InngestEncryptionOptions { Key = Key }));

        await client.SendAccountOpenedAsync(new[] { new AccountOpened("pro", Ada), new AccountOpened("free", Ada with { Email = "grace@example.com" }) });
        await client.SendAsync(InngestEvent.FromJson("app/untyped.encrypted", """{"encrypted":{"email":"x@example.com"}}"""));

        var sent = server.Requests.SelectMany(r => r.BodyJson.EnumerateArray()).ToArray();
        Assert.Equal(3, sent.Length);
        var events = new JsonArray();
        foreach (var evt in sent)
        {
            var raw = evt.GetRawText();
            Assert.DoesNotContain("@example.com", raw, StringComparison.Ordinal);
            events.Add(JsonNode.Parse(raw));
        }

        var decrypted = await NodeMiddleware.DecryptAsync(events, Key);
        Assert.Equal("ada@example.com", decrypted.Data(0)["encrypted"]!["email"]!.GetValue<string>());
        Assert.Equal("grace@example.com", decrypted.Data(1)["encrypted"]!["email"]!.GetValue<string>());
        Assert.Equal("free", decrypted.Data(1)["plan"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_untyped_event_can_declare_its_field_and_any_middleware_can_claim_it()
    {
        await using var server = await CaptureServer.StartAsync();
        var declared = new InngestEvent<JsonElement>("app/untyped.pii", JsonDocument.Parse("""{"secret":"s3cr3t","plain":1}""").RootElement, TestJson.Default.JsonElement)
        {
            EncryptedField = "secret",
        };

        using (var plain = ClientFactory.Create(server, _ => { }))
        {
            var error = await Assert.ThrowsAsync<InngestConfigurationException>(() => plain.SendAsync(declared));
            Assert.Contains("data.secret", error.Message, StringComparison.Ordinal);
        }

        // Another encryption scheme plugs in by saying which field it encrypts.
        var custom = new RedactingMiddleware("secret");
        using (var client = ClientFactory.Create(server, o => o.SendMiddleware.Add(custom)))
        {
            await client.SendAsync(declared);
        }

        var data = Assert.Single(server.Requests).BodyJson[0].GetProperty("data");
        Assert.Equal("[redacted]", data.GetProperty("secret").GetString());
        Assert.Equal(1, custom.Calls);
    }

    [Fact]
    public async Task A_typed_parse_without_decryption_fails_instead_of_reading_defaults()
    {
        // What the npm middleware sends for this event: the member encrypted, the plan in plaintext.
        var events = new JsonArray
        {
            new JsonObject
            {
                ["name"] = AccountOpened.EventName,
                ["data"] = new JsonObject { ["plan"] = "pro", ["encrypted"] = JsonNode.Parse("""{"email":"ada@example.com","name":"Ada","tags":[]}""") },
            },
        };
        var fromNode = await NodeMiddleware.EncryptAsync(events, Key);
        var received = new JsonObject { ["name"] = AccountOpened.EventName, ["data"] = fromNode.Data(0).DeepClone(), ["ts"] = 1715790000000 }.ToJsonString();

        foreach (var parse in new Func<InngestEvent>[] { () => InngestEvent.Parse<AccountOpened>(received), () => InngestEvent.Parse(received) })
        {
            var error = Assert.Throws<InngestEventParseException>(parse);
            Assert.Equal(InngestEventParseError.EncryptedDataNotDecrypted, error.Error);
            Assert.Equal("$.data.encrypted", error.Path);
            Assert.Contains("AddDecryption", error.Message, StringComparison.Ordinal);
        }

        // An event of a type without the mark still reads the marker object's (absent) members as defaults, as before.
        var unmarked = received.Replace(AccountOpened.EventName, SignupCompleted.EventName, StringComparison.Ordinal);
        Assert.Null(InngestEvent.Parse<SignupCompleted>(unmarked).Data.Encrypted.Email);

        var decrypting = new InngestParseOptions().AddDecryption(new InngestEncryptionOptions { Key = Key });
        Assert.Equal("ada@example.com", InngestEvent.Parse<AccountOpened>(received, decrypting).Data.Encrypted.Email);
        // A plaintext member (a sender without encryption, such as a test) parses as it is.
        var plain = """{"name":"test/account.opened","data":{"plan":"pro","encrypted":{"email":"p@example.com","name":"P","tags":[]}}}""";
        Assert.Equal("p@example.com", InngestEvent.Parse<AccountOpened>(plain).Data.Encrypted.Email);
    }

    [Fact]
    public async Task The_fake_client_refuses_like_a_real_one_and_records_what_its_middleware_wrote()
    {
        using (var unconfigured = new Inngest.Testing.FakeInngestClient())
        {
            await Assert.ThrowsAsync<InngestConfigurationException>(() => unconfigured.SendAccountOpenedAsync(new AccountOpened("pro", Ada)));
            Assert.Empty(unconfigured.ReceivedEvents());
        }

        var encryption = new InngestEncryptionOptions { Key = Key };
        using var fake = new Inngest.Testing.FakeInngestClient(new[] { new InngestEncryptionMiddleware(encryption) });
        await fake.SendAccountOpenedAsync(new AccountOpened("pro", Ada));

        var wire = Assert.Single(Assert.Single(fake.Calls).Json);
        Assert.True(InngestEventEncryption.IsLibsodiumValue(wire.GetProperty("data").GetProperty("encrypted")), wire.GetRawText());
        Assert.Throws<InngestEventParseException>(() => fake.Received<AccountOpened>());
        var received = Assert.Single(fake.Received<AccountOpened>(new InngestParseOptions().AddDecryption(encryption)));
        Assert.Equal("ada@example.com", received.Data.Encrypted.Email);
    }

    /// <summary>A stand-in for another encryption scheme: replaces the field and declares that it does.</summary>
    private sealed class RedactingMiddleware(string field) : InngestSendMiddleware
    {
        public int Calls { get; private set; }

        public override bool EncryptsField(string fieldName) => fieldName == field;

        public override InngestEvent TransformEvent(InngestEvent evt, InngestSendMiddlewareContext context)
        {
            Calls++;
            var data = JsonNode.Parse(context.SerializeData(evt).GetRawText())!.AsObject();
            data[field] = "[redacted]";
            return context.ReplaceData(evt, JsonDocument.Parse(data.ToJsonString()).RootElement.Clone());
        }
    }
}

/// <summary>An event whose personal data is the default encrypted field, declared on a positional parameter.</summary>
[InngestEvent("test/account.opened")]
public sealed partial record AccountOpened(string Plan, [InngestEncrypted] PersonalData Encrypted);

/// <summary>An event whose encrypted member is written under another field name (the middleware must be configured for it).</summary>
/// INNG026 says so at compile time; this project configures the default field, so the warning is expected here.
[InngestEvent("test/profile.changed")]
#pragma warning disable INNG026
public sealed partial record ProfileChanged(string UserId, [property: JsonPropertyName("pii")][InngestEncrypted] PersonalData Personal);
#pragma warning restore INNG026
