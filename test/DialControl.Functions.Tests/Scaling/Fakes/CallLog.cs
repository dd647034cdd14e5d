namespace DialControl.Functions.Tests.Scaling.Fakes;

/// <summary>Every AWS call the fakes received, in order, as "service:Operation".</summary>
public sealed class CallLog
{
    private readonly List<string> _calls = [];
    private readonly object _gate = new();

    /// <summary>Operations that change AWS state.</summary>
    public static readonly IReadOnlySet<string> Mutating = new HashSet<string>(StringComparer.Ordinal)
    {
        "eks:UpdateNodegroupConfig",
        "dynamodb:TransactWriteItems",
        "dynamodb:PutItem",
        "dynamodb:UpdateItem",
        "dynamodb:DeleteItem",
        "cloudwatch:SetAlarmState",
    };

    public void Add(string call)
    {
        lock (_gate)
        {
            _calls.Add(call);
        }
    }

    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    public IReadOnlyList<string> MutatingCalls => Calls.Where(Mutating.Contains).ToList();

    public int Count(string call) => Calls.Count(c => c == call);
}
