using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Inngest.Testing.Server;

namespace Inngest.Generators.Tests.Regressions;

/// <summary>
/// A member type the generator cannot describe (INNG011) is resolved through InngestClientOptions.JsonTypeInfoResolver,
/// at any depth, on a real send; without one the send fails as a validation error before any request.
/// </summary>
public sealed class UserResolverFallbackTests
{
    private static InngestClient Client(CaptureServer server, IJsonTypeInfoResolver? resolver)
        => new(new InngestClientOptions { EventKey = "k", BaseUrl = server.BaseUrl.ToString(), EnvironmentReader = _ => null, JsonTypeInfoResolver = resolver });

    [Fact]
    public async Task The_users_resolver_serves_undescribed_members_on_the_wire()
    {
        await using var server = await CaptureServer.StartAsync();
        using var client = Client(server, new GridResolver());

        await client.SendGridPayloadAsync(new GridPayload("g", new[,] { { 1, 2 }, { 3, 4 } }, new Inner(new[,] { { 5 } })));

        var data = Assert.Single(Assert.Single(server.Requests).BodyJson.EnumerateArray()).GetProperty("data").GetRawText();
        Assert.Equal("""{"id":"g","grid":[[1,2],[3,4]],"inner":{"cells":[[5]]}}""", data);
    }

    [Fact]
    public async Task Without_a_resolver_the_send_fails_as_a_validation_error_before_any_request()
    {
        await using var server = await CaptureServer.StartAsync();
        using var client = Client(server, null);

        var error = await Assert.ThrowsAsync<InngestEventValidationException>(() => client.SendGridPayloadAsync(new GridPayload("g", new int[1, 1], new Inner(null))));

        Assert.Contains("Int32[,]", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    /// <summary>What a user supplies for a type no generator describes: metadata with their own converter.</summary>
    private sealed class GridResolver : IJsonTypeInfoResolver
    {
        public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)
            => type == typeof(int[,]) ? JsonMetadataServices.CreateValueInfo<int[,]>(options, new GridConverter()) : null;
    }

    private sealed class GridConverter : JsonConverter<int[,]>
    {
        public override int[,] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, int[,] value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            for (var i = 0; i < value.GetLength(0); i++)
            {
                writer.WriteStartArray();
                foreach (var j in Enumerable.Range(0, value.GetLength(1)))
                {
                    writer.WriteNumberValue(value[i, j]);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }
    }
}
