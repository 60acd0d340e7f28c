using System.Threading.Tasks;
using Inngest.Generators.Diagnostics;
using static Inngest.Generators.Tests.Analyzers.AnalyzerTestSupport;

namespace Inngest.Generators.Tests.Analyzers;

/// <summary>INNG020-INNG024: the Id template of an event, both sides of each rule.</summary>
public class IdTemplateAnalyzerTests
{
    private static Task VerifyAsync(string source, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
        => AnalyzerTestSupport.VerifyAsync<IdTemplateAnalyzer>("#nullable enable\n" + source, expected);

    [Fact]
    public Task A_template_of_scalar_members_that_names_the_event_is_accepted()
        => VerifyAsync("""
            using Inngest;
            public enum Channel { Web }
            [InngestEvent("storefront/cart.checkout.completed", Id = "cart-{CartId}-{Attempt}-{Channel}-{At}-{Coupon??none}-{Batch??0}-{{x}}")]
            public partial record CartCheckoutCompleted(string CartId, int Attempt, Channel Channel, System.DateTimeOffset At, string? Coupon, int? Batch);
            """);

    [Fact]
    public Task An_unknown_member_is_INNG020()
        => VerifyAsync("""
            using Inngest;
            [InngestEvent("storefront/cart.checkout.completed", Id = {|#0:"cart-{CartID}"|})]
            public partial record CartCheckoutCompleted(string CartId, int Attempt);
            """,
            Diagnostic(DiagnosticDescriptors.IdUnknownMember).WithLocation(0).WithArguments("CartCheckoutCompleted", "CartID", " ('CartId', 'Attempt')"));

    [Fact]
    public Task A_member_that_is_not_a_scalar_is_INNG021()
        => VerifyAsync("""
            using Inngest;
            [InngestEvent("storefront/cart.checkout.completed", Id = {|#0:"cart-{Items}"|})]
            public partial record CartCheckoutCompleted(string CartId, System.Collections.Generic.List<string> Items);
            """,
            Diagnostic(DiagnosticDescriptors.IdNotScalar).WithLocation(0).WithArguments("CartCheckoutCompleted", "Items", "System.Collections.Generic.List<string>"));

    [Theory]
    [InlineData("string?")]
    [InlineData("int?")]
    public Task A_nullable_member_without_a_fallback_is_INNG022(string type)
        => VerifyAsync($$"""
            using Inngest;
            [InngestEvent("storefront/cart.checkout.completed", Id = {|#0:"cart-{Coupon}"|})]
            public partial record CartCheckoutCompleted(string CartId, {{type}} Coupon);
            """,
            Diagnostic(DiagnosticDescriptors.IdNullableWithoutFallback).WithLocation(0).WithArguments("CartCheckoutCompleted", "Coupon"));

    [Fact]
    public Task A_template_without_the_events_identity_is_INNG023()
        => VerifyAsync("""
            using Inngest;
            [InngestEvent("storefront/cart.checkout.completed", Id = {|#0:"{CartId}-{Attempt}"|})]
            public partial record CartCheckoutCompleted(string CartId, int Attempt);
            """,
            Diagnostic(DiagnosticDescriptors.IdWithoutEventIdentity).WithLocation(0).WithArguments("{CartId}-{Attempt}", "CartCheckoutCompleted", "storefront/cart.checkout.completed"));

    [Theory]
    [InlineData("cart-{CartId", "the '{' at position 5 is never closed (write '{{' for a literal brace)")]
    [InlineData("cart-}{CartId}", "the '}' at position 5 closes no placeholder (write '}}' for a literal brace)")]
    [InlineData("cart-{}", "the placeholder '{}' names no member")]
    public Task A_malformed_template_is_INNG024(string template, string problem)
        => VerifyAsync($$"""
            using Inngest;
            [InngestEvent("storefront/cart.checkout.completed", Id = {|#0:"{{template}}"|})]
            public partial record CartCheckoutCompleted(string CartId);
            """,
            Diagnostic(DiagnosticDescriptors.IdMalformed).WithLocation(0).WithArguments(template, "CartCheckoutCompleted", problem));
}
