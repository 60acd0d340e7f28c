// The generator's folders are namespaces; the tests reach into all of them.
global using Inngest.Generators.Diagnostics;
global using Inngest.Generators.Emitting;
global using Inngest.Generators.Model;
global using Inngest.Generators.Parsing;
global using Inngest.Generators.Rules;
