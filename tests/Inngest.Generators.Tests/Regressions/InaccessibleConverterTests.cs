using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Inngest.Generators.Diagnostics;
using Inngest.Generators.Tests.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inngest.Generators.Tests.Regressions;

/// <summary>
/// A model library keeps its converters internal (Telegram.Bot does, found by the oracle's corpus): the
/// generated code cannot create them, so it must neither name them (CS0122 broke the user's build) nor stay
/// silent about it. A type-level converter makes the type undescribed (INNG011, resolved through the user's
/// resolver at run time); a member-level one is left out as System.Text.Json's generator does (INNG016).
/// </summary>
public sealed class InaccessibleConverterTests
{
    private const string Library = """
        using System;
        using System.Text.Json;
        using System.Text.Json.Serialization;
        namespace Models;
        [JsonConverter(typeof(ChatIdConverter))]
        public sealed class ChatId { public long Id { get; set; } }
        internal sealed class ChatIdConverter : JsonConverter<ChatId>
        {
            public override ChatId Read(ref Utf8JsonReader reader, Type t, JsonSerializerOptions o) => new ChatId { Id = reader.GetInt64() };
            public override void Write(Utf8JsonWriter writer, ChatId value, JsonSerializerOptions o) => writer.WriteNumberValue(value.Id);
        }
        public sealed class Message
        {
            [JsonConverter(typeof(UnixTimeConverter))]
            public DateTime Date { get; set; }
            public string? Text { get; set; }
        }
        internal sealed class UnixTimeConverter : JsonConverter<DateTime>
        {
            public override DateTime Read(ref Utf8JsonReader reader, Type t, JsonSerializerOptions o) => DateTime.UnixEpoch.AddSeconds(reader.GetInt64());
            public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions o) => writer.WriteNumberValue((long)(value - DateTime.UnixEpoch).TotalSeconds);
        }
        """;

    private const string Events = """
        using Inngest;
        namespace App;
        [InngestEvent("bot/message.received")]
        public sealed partial record MessageReceived(Models.ChatId Chat, Models.Message Message);
        internal static class Caller
        {
            public static System.Threading.Tasks.Task Call(IInngestClient client, MessageReceived e) => client.SendMessageReceivedAsync(e);
        }
        """;

    [Fact]
    public async Task Converters_internal_to_another_assembly_are_reported_and_never_named_in_generated_code()
    {
        var library = CSharpCompilation.Create("Models", new[] { CSharpSyntaxTree.ParseText(Library, GeneratorHarness.ParseOptions) }, GeneratorHarness.Net80,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = library.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        var libraryReference = MetadataReference.CreateFromImage(image.ToArray());

        var compilation = GeneratorHarness.Compilation(Events, GeneratorHarness.Net80.Append(libraryReference));
        var (output, _, sources) = GeneratorHarness.Run(compilation);

        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var context = sources.Single(s => s.Key.Contains("InngestJsonContext", System.StringComparison.Ordinal)).Value;
        Assert.DoesNotContain("ChatIdConverter", context, System.StringComparison.Ordinal);
        Assert.DoesNotContain("UnixTimeConverter", context, System.StringComparison.Ordinal);

        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new UnsupportedMemberAnalyzer())).GetAnalyzerDiagnosticsAsync();
        var undescribed = Assert.Single(diagnostics, d => d.Id == "INNG011");
        Assert.Contains("MessageReceived.Chat'", undescribed.GetMessage(), System.StringComparison.Ordinal);
        Assert.Contains("ChatIdConverter", undescribed.GetMessage(), System.StringComparison.Ordinal);
        var leftOut = Assert.Single(diagnostics, d => d.Id == "INNG016");
        Assert.Contains("Message.Date'", leftOut.GetMessage(), System.StringComparison.Ordinal);
        Assert.Contains("UnixTimeConverter", leftOut.GetMessage(), System.StringComparison.Ordinal);
    }
}
