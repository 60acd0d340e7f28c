// The examples of Inngest's "Send Events" page, typed. Configuration comes only from the standard
// environment variables: INNGEST_EVENT_KEY (Inngest Cloud), INNGEST_DEV (a dev server), INNGEST_BASE_URL.
using Inngest;
using Quickstart;

var live = !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("INNGEST_EVENT_KEY"))
    || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("INNGEST_DEV"));

using var inngest = live
    ? new InngestClient()
    : new InngestClient(new HttpClient(new DryRunHandler()), new InngestClientOptions { EventKey = "dry-run" });

if (!live)
{
    Console.WriteLine("Neither INNGEST_EVENT_KEY nor INNGEST_DEV is set: printing the requests instead of sending them.");
    Console.WriteLine();
}

try
{
    // Send a single event, with user data that Inngest encrypts at rest.
    var account = await inngest.SendAccountCreatedAsync(
        new AccountCreated(AccountId: "645e9f6794e10937e9bdc201", BillingPlan: "pro"),
        user: new InngestUser { ExternalId = "645ea000129f1c40109ca7ad", Email = "taylor@example.com" });
    Console.WriteLine($"app/account.created -> {string.Join(", ", account.Ids)}");

    // Send an array of events in one request.
    var invoices = await inngest.SendInvoiceCreatedAsync(
    [
        new InvoiceCreated("645e9e024befa68763f5b500"),
        new InvoiceCreated("645e9e08f29fb563c972b1f7"),
    ]);
    Console.WriteLine($"app/invoice.created x2 -> {string.Join(", ", invoices.Ids)}");

    // Specify the idempotency id, the timestamp and (through the attribute) the version.
    var checkout = await inngest.SendCartCheckoutCompletedAsync(
        new CartCheckoutCompleted(CartId: "ed12c8bde"),
        user: new InngestUser { ExternalId = "6463da8211cdbbcb191dd7da" },
        id: "cart-checkout-completed-ed12c8bde",
        timestamp: DateTimeOffset.FromUnixTimeMilliseconds(1684274328198));
    Console.WriteLine($"storefront/cart.checkout.completed -> {string.Join(", ", checkout.Ids)}");
}
catch (Exception ex) when (ex is InngestSendException or InngestConfigurationException)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}

if (!live)
{
    Console.WriteLine();
    Console.WriteLine("To send for real, start a dev server with `npx inngest-cli@latest dev` and run again with INNGEST_DEV=1 (or set INNGEST_EVENT_KEY to send to Inngest Cloud).");
}

return 0;
