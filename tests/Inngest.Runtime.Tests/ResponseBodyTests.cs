using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Inngest.Runtime.Tests;

public sealed class ResponseBodyTests
{
    private static ResponseBody Parse(string text) => ResponseBody.Parse(Encoding.UTF8.GetBytes(text));

    [Theory]
    [InlineData("", false)]
    [InlineData("OK", false)]
    [InlineData("{\"ids\":[", false)]
    [InlineData("[1] trailing", false)]
    [InlineData("[1]", true)]
    [InlineData("\"text\"", true)]
    [InlineData("{}", true)]
    public void Tells_json_from_other_text(string text, bool isJson)
    {
        Assert.Equal(isJson, Parse(text).IsJson);
        Assert.Null(Parse(text).Ids);
    }

    [Fact]
    public void Reads_ids_and_prefers_error_over_message()
    {
        var body = Parse("""{"status":400,"message":"m","ids":["a","b"],"extra":{"x":[1,2]},"error":"e"}""");

        Assert.Equal(new[] { "a", "b" }, body.Ids);
        Assert.Equal("e", body.Error);
    }

    [Fact]
    public void Uses_message_when_error_is_missing_or_blank()
    {
        Assert.Equal("unavailable", Parse("""{"message":"unavailable","error":""}""").Error);
        Assert.Null(Parse("""{"status":401,"message":"","error":""}""").Error);
    }

    [Fact]
    public void Ids_that_are_not_all_strings_are_not_ids()
    {
        Assert.Null(Parse("""{"ids":["a",1]}""").Ids);
    }

    [Fact]
    public void An_answer_with_comments_is_not_an_event_api_answer()
    {
        // The server's encoder never writes comments; the strict reader takes the fast path for every real answer.
        var body = Parse("""{"ids":["a"] /* stored */,"status":200}""");

        Assert.False(body.IsJson);
        Assert.Null(body.Ids);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 1000)] // far longer than the buffer sized for one id: it grows
    [InlineData(1000, 1000)]
    public async Task Reads_an_answer_of_any_length_up_to_the_bound(int expectedIds, int answeredIds)
    {
        var ids = Enumerable.Range(0, answeredIds).Select(i => $"01HZX{i:D21}").ToArray();
        var json = "{\"ids\":[" + string.Join(",", ids.Select(id => $"\"{id}\"")) + "],\"status\":200}";
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json))) };

        var body = await AnswerReader.ReadAsync(response, expectedIds, CancellationToken.None);

        Assert.Equal(ids, body.Ids);
    }

    [Fact]
    public async Task An_answer_over_4_MiB_is_unreadable()
    {
        var json = "{\"error\":\"" + new string('x', AnswerReader.MaxResponseBytes) + "\"}";
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.InternalServerError) { Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json))) };

        var body = await AnswerReader.ReadAsync(response, 1, CancellationToken.None);

        Assert.False(body.IsJson);
        Assert.Null(body.Error);
    }
}
