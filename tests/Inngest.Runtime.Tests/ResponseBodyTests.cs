using System.Text;

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
}
