using System.Threading.Tasks;
using Inngest.Generators.CodeFixes;
using Inngest.Generators.Diagnostics;
using static Inngest.Generators.Tests.Analyzers.AnalyzerTestSupport;

namespace Inngest.Generators.Tests.CodeFixes;

public class IdTemplateEventPrefixCodeFixTests
{
    [Fact]
    public Task Prefixes_the_template_with_the_event_name()
        => CodeFixTestSupport.VerifyAsync<IdTemplateAnalyzer, IdTemplateEventPrefixCodeFixProvider>(
            """
            #nullable enable
            using Inngest;

            [InngestEvent("storefront/cart.checkout.completed", Id = {|#0:"{CartId}-{Attempt}"|})]
            public partial record CartCheckoutCompleted(string CartId, int Attempt);
            """,
            """
            #nullable enable
            using Inngest;

            [InngestEvent("storefront/cart.checkout.completed", Id = "storefront/cart.checkout.completed:{CartId}-{Attempt}")]
            public partial record CartCheckoutCompleted(string CartId, int Attempt);
            """,
            Diagnostic(DiagnosticDescriptors.IdWithoutEventIdentity).WithLocation(0).WithArguments("{CartId}-{Attempt}", "CartCheckoutCompleted", "storefront/cart.checkout.completed"));
}
