using System.Collections.Generic;
using Inngest;

namespace Inngest.Generators.Tests.Corpus;

// Decimals in every position the fast path writes them (member, nullable member, list and array element, nullable
// element, dictionary value): the fast path formats them itself (FormatDecimal), so each position is compared with
// System.Text.Json's own formatting (Parity/DecimalParityTests.cs).
[InngestEvent("test/decimals.sent")]
public sealed partial record Decimals(decimal Amount, decimal? Maybe, List<decimal> List, decimal[] Array, List<decimal?> MaybeList, Dictionary<string, decimal> ByKey);
