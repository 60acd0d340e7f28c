// Issue 10, row 16: the same type name in two namespaces; the send methods differ by parameter type,
// so C# resolves them and no collision may be reported.
using Inngest;

namespace Oracle.IssueTable.Accounts
{
    [InngestEvent("oracle/row16.accounts-created")]
    public sealed partial record Created(string AccountId);
}

namespace Oracle.IssueTable.Invoices
{
    [InngestEvent("oracle/row16.invoices-created")]
    public sealed partial record Created(string InvoiceId);
}

