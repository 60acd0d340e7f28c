using System.Linq;
using CsCheck;

namespace Inngest.Generators.Tests.Analyzers;

public class NamingConventionTests
{
    [Theory]
    [InlineData("account.created")]
    [InlineData("app/account.created")]
    [InlineData("app/account.created.v2")]
    [InlineData("billing/invoice.payment_failed")]
    [InlineData("app/blog_post.published")]
    [InlineData("shop-1/cart.item-added")]
    [InlineData("acme.io/user.signed_up")]
    [InlineData("a.b")]
    [InlineData("0/1.2")]
    public void Conventional_names_have_no_problems(string name)
        => Assert.Equal(NamingProblems.None, NamingConvention.Check(name));

    [Theory]
    [InlineData("App/account.created", (int)(NamingProblems.Uppercase))]
    [InlineData("app/Account.Created", (int)(NamingProblems.Uppercase))]
    [InlineData("app/account created.v1", (int)(NamingProblems.Whitespace))]
    [InlineData("app/account.created\t", (int)(NamingProblems.Whitespace))]
    [InlineData("app/account#1.created", (int)(NamingProblems.InvalidCharacter))]
    [InlineData("app/café.créé", (int)(NamingProblems.InvalidCharacter))]
    [InlineData("app:account.created", (int)(NamingProblems.InvalidCharacter))]
    [InlineData("app:account_created", (int)(NamingProblems.InvalidCharacter | NamingProblems.MissingDot))]
    [InlineData("/account.created", (int)(NamingProblems.LeadingSeparator))]
    [InlineData("_account.created", (int)(NamingProblems.LeadingSeparator))]
    [InlineData("app/account.created.", (int)(NamingProblems.TrailingSeparator))]
    [InlineData("app/account.created-", (int)(NamingProblems.TrailingSeparator))]
    [InlineData("app/account..created", (int)(NamingProblems.DoubledSeparator))]
    [InlineData("app/.account.created", (int)(NamingProblems.DoubledSeparator))]
    [InlineData("app/account._created", (int)(NamingProblems.DoubledSeparator))]
    [InlineData("app/billing/invoice.paid", (int)(NamingProblems.MultiplePrefixes))]
    [InlineData("account_created", (int)(NamingProblems.MissingDot))]
    [InlineData("app/account_created", (int)(NamingProblems.MissingDot))]
    [InlineData("app.v2/created", (int)(NamingProblems.MissingDot))]
    [InlineData("signup", (int)(NamingProblems.MissingDot))]
    [InlineData("app/", (int)(NamingProblems.TrailingSeparator | NamingProblems.MissingDot))]
    [InlineData("App/Account Created", (int)(NamingProblems.Uppercase | NamingProblems.Whitespace | NamingProblems.MissingDot))]
    [InlineData("AccountCreated", (int)(NamingProblems.Uppercase | NamingProblems.MissingDot))]
    [InlineData("//A b!", (int)(NamingProblems.Uppercase | NamingProblems.Whitespace | NamingProblems.InvalidCharacter | NamingProblems.LeadingSeparator | NamingProblems.DoubledSeparator | NamingProblems.MultiplePrefixes | NamingProblems.MissingDot))]
    public void Check_finds_each_problem(string name, int expected)
        => Assert.Equal((NamingProblems)expected, NamingConvention.Check(name));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Check_leaves_empty_names_to_the_server_rules(string? name)
        => Assert.Equal(NamingProblems.None, NamingConvention.Check(name));

    [Theory]
    [InlineData("App/Account Created", "app/account.created")]
    [InlineData("AccountCreated", "account.created")]
    [InlineData("app/AccountCreated", "app/account.created")]
    [InlineData("app/account_created", "app/account.created")]
    [InlineData("app/account-created", "app/account.created")]
    [InlineData("app/blog_post_published", "app/blog_post.published")]
    [InlineData("BlogPostPublished", "blog_post.published")]
    [InlineData("app/BlogPost.Published", "app/blog_post.published")]
    [InlineData("app/blog-post.Published", "app/blog-post.published")]
    [InlineData("HTTPRequestSent", "http_request.sent")]
    [InlineData("app/OrderV2Shipped", "app/order_v2.shipped")]
    [InlineData("App/Account.Created", "app/account.created")]
    [InlineData("MyApp/AccountCreated", "my_app/account.created")]
    [InlineData("app//account..created", "app/account.created")]
    [InlineData("app//account..created.", "app/account.created")]
    [InlineData("app/Password_Reset.Requested", "app/password_reset.requested")]
    [InlineData("/account.created/", "account.created")]
    [InlineData(".account.created.", "account.created")]
    [InlineData("app/billing/invoice.paid", "app/billing.invoice.paid")]
    [InlineData("app/account#created!", "app/account.created")]
    [InlineData("app/account created.v2", "app/account_created.v2")]
    [InlineData("app/a - b.c", "app/a-b.c")]
    [InlineData("app/Café Créé", "app/cafe.cree")]
    [InlineData("  app/account.created  ", "app/account.created")]
    [InlineData("app/account.created", "app/account.created")]
    public void Suggest_builds_the_conventional_name(string name, string expected)
        => Assert.Equal(expected, NamingConvention.Suggest(name));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("signup")]
    [InlineData("app/signup")]
    [InlineData("App/SIGNUP")]
    [InlineData("!!!")]
    [InlineData("приложение/событие")]
    [InlineData("Inngest /function.finished")] // would become the reserved inngest/ prefix
    public void Suggest_returns_null_when_no_conventional_name_follows(string? name)
        => Assert.Null(NamingConvention.Suggest(name));

    [Fact]
    public void Suggest_returns_null_when_the_result_would_be_too_long()
        => Assert.Null(NamingConvention.Suggest("app/" + string.Concat(Enumerable.Repeat("Ab", 130)) + ".c"));

    [Theory]
    [InlineData((int)(NamingProblems.Uppercase), "App/x.y", "contains uppercase letters")]
    [InlineData((int)(NamingProblems.Uppercase | NamingProblems.MissingDot), "AB", "contains uppercase letters and has no '.' between object and action")]
    [InlineData((int)(NamingProblems.InvalidCharacter), "a#b.c", "contains the character '#' outside [a-z0-9._/-]")]
    [InlineData((int)(NamingProblems.InvalidCharacter), "a#b!c?d~e#.f", "contains the characters '#', '!', '?' and others outside [a-z0-9._/-]")]
    [InlineData((int)(NamingProblems.InvalidCharacter), "a\u0001.b", "contains the character U+0001 outside [a-z0-9._/-]")]
    [InlineData((int)(NamingProblems.LeadingSeparator | NamingProblems.TrailingSeparator | NamingProblems.DoubledSeparator), "..a.", "starts with a separator, ends with a separator and has two separators in a row")]
    [InlineData((int)(NamingProblems.None), "a.b", "follows the naming convention")]
    public void Describe_says_what_is_wrong(int problems, string name, string expected)
        => Assert.Equal(expected, NamingConvention.Describe((NamingProblems)problems, name));

    [Theory]
    [InlineData("2024-05-15.1", true)]
    [InlineData("2024-05-15.12", true)]
    [InlineData("2024-02-29.0", true)]
    [InlineData("1999-12-31.007", true)]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("v1", false)]
    [InlineData("2024-05-15", false)]
    [InlineData("2024-05-15.", false)]
    [InlineData("2023-02-29.1", false)]
    [InlineData("2024-00-10.1", false)]
    [InlineData("2024-5-15.1", false)]
    [InlineData("2024-05-15.1 ", false)]
    [InlineData("2024-05-15.-1", false)]
    [InlineData("2024-05-15.1.2", false)]
    [InlineData("２０２４-05-15.1", false)]
    [InlineData("2024_05_15.1", false)]
    public void IsConventionalVersion(string? version, bool expected)
        => Assert.Equal(expected, NamingConvention.IsConventionalVersion(version));

    private static readonly Gen<string> AnyName =
        Gen.Char["abcXYZ019 ._/-#é\t"].Array[0, 24].Select(chars => new string(chars));

    private static readonly Gen<string> Word = Gen.Char["abcxyz0129"].Array[1, 6].Select(chars => new string(chars));

    /// <summary>Names built to the convention: [prefix/]word(sep word)*.word(sep word)*.</summary>
    private static readonly Gen<string> ConventionalName =
        Gen.Select(
            Gen.Bool,
            Word,
            Gen.Select(Word, Gen.Char["_-"], Word).Select((a, s, b) => a + s + b).Array[2, 4],
            (hasPrefix, prefix, segments) => (hasPrefix ? prefix + "/" : string.Empty) + string.Join(".", segments));

    [Fact]
    public void Property_a_suggestion_is_conventional_and_stable()
        => AnyName.Sample(name =>
        {
            var suggestion = NamingConvention.Suggest(name);
            if (suggestion is not null)
            {
                Assert.Equal(NamingProblems.None, NamingConvention.Check(suggestion));
                Assert.Equal(suggestion, NamingConvention.Suggest(suggestion));
            }
        });

    [Fact]
    public void Property_conventional_names_are_left_alone()
        => ConventionalName.Sample(name =>
        {
            Assert.Equal(NamingProblems.None, NamingConvention.Check(name));
            Assert.Equal(name, NamingConvention.Suggest(name));
        });

    [Fact]
    public void Property_a_name_with_two_words_and_letters_always_gets_a_suggestion()
        => Gen.Select(Word, Gen.Char[" _-#A"], Word).Sample((a, separator, b) =>
        {
            var name = "App/" + a + separator + b;
            Assert.NotNull(NamingConvention.Suggest(name));
        });
}
