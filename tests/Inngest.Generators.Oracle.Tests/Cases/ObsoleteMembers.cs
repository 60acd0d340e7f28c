// Issue 10, row 12: a member marked [Obsolete(error: true)]. System.Text.Json's own generator emits code
// that does not compile here (CS0619) as well, so for this file the oracle is System.Text.Json reflection.
using System;
using Inngest;

namespace Oracle.ObsoleteMembers
{
    [InngestEvent("oracle/row12.obsolete")]
    public sealed partial class Row12Obsolete
    {
        public string? Current { get; set; }

        [Obsolete("removed", error: true)]
        public string? Old { get; set; }
    }

}
