using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Inngest.Testing.Server;

namespace Inngest.Encryption.Tests;

/// <summary>Configuration of the encryption: the environment variable, refusals, and keys kept out of every output.</summary>
public sealed class OptionsTests
{
    private const string Secret = "s3cr3t-encryption-key-value";

    [Fact]
    public void FromEnvironment_reads_INNGEST_ENCRYPTION_KEY_trimmed()
    {
        var env = new Dictionary<string, string> { ["INNGEST_ENCRYPTION_KEY"] = "  " + Secret + " \n" };
        Assert.Equal(Secret, InngestEncryptionOptions.FromEnvironment(n => env.GetValueOrDefault(n)).Key);
        Assert.Null(InngestEncryptionOptions.FromEnvironment(_ => "   ").Key);
    }

    [Fact]
    public void A_missing_key_is_refused_with_what_to_set()
    {
        var ex = Assert.Throws<ArgumentException>(() => new InngestEncryptionMiddleware(InngestEncryptionOptions.FromEnvironment(_ => null)));
        Assert.Contains("INNGEST_ENCRYPTION_KEY", ex.Message, StringComparison.Ordinal);
        Assert.Contains("InngestEncryptionOptions.Key", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_field_name_is_refused()
        => Assert.Contains("FieldName is empty", Assert.Throws<ArgumentException>(() => new InngestEventEncryption(new InngestEncryptionOptions { Key = Secret, FieldName = "" })).Message, StringComparison.Ordinal);

    [Fact]
    public async Task The_key_never_appears_in_ToString_messages_or_the_listener()
    {
        var options = new InngestEncryptionOptions { Key = Secret };
        options.FallbackKeys.Add(Secret + "-old");
        var encryption = new InngestEventEncryption(options);
        var middleware = new InngestEncryptionMiddleware(encryption);
        var decryption = new InngestDecryptionMiddleware(encryption);
        foreach (var text in new[] { options.ToString(), encryption.ToString(), middleware.ToString(), decryption.ToString() })
        {
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        }

        Assert.Contains("Key = ***", options.ToString(), StringComparison.Ordinal);
        Assert.Contains("Keys = 2", encryption.ToString(), StringComparison.Ordinal);

        // A send that fails after encryption (the server refuses it): neither the exception nor the listener's log shows the key.
        await using var server = await CaptureServer.StartAsync();
        var log = new RecordingListener();
        using var client = ClientFactory.Create(server, o =>
        {
            o.Listener = log;
            o.SendMiddleware.Add(middleware);
        });
        server.Enqueue(ScriptedResponse.Json(400, """{"status":400,"error":"bad event"}"""));
        var ex = await Assert.ThrowsAsync<InngestSendException>(() => client.SendAsync(InngestEvent.FromJson("app/x", """{"encrypted":"personal"}""")));
        Assert.DoesNotContain(Secret, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, log.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, Assert.Single(server.Requests).BodyText, StringComparison.Ordinal);
        Assert.NotEmpty(log.Text);
    }
}
