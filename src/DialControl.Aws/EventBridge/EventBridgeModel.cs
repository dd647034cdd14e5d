using System.Text.Json.Serialization;
using Amazon.Runtime;
using DialControl.Aws.Runtime.Json;

// The EventBridge operation DialControl uses, named as in AWSSDK.EventBridge (namespace
// Amazon.EventBridge.Model); only the members DialControl writes or reads are modelled. Wire names
// are PascalCase (awsJson 1.1, target prefix AWSEvents).
namespace DialControl.Aws.EventBridge;

/// <summary>Request of PutEvents.</summary>
public sealed class PutEventsRequest : AmazonWebServiceRequest
{
    /// <summary>The events, 1 to 10, at most 256 KB together.</summary>
    public List<PutEventsRequestEntry> Entries { get; set; } = [];
}

/// <summary>One event to publish.</summary>
public sealed class PutEventsRequestEntry
{
    /// <summary>The event source, DialControl sends every event with <c>dialcontrol</c>.</summary>
    public string? Source { get; set; }

    /// <summary>The event type, for example <c>Quota Level Changed</c>.</summary>
    public string? DetailType { get; set; }

    /// <summary>The event body, a JSON object as text.</summary>
    public string? Detail { get; set; }

    /// <summary>ARNs the event is about.</summary>
    public List<string>? Resources { get; set; }

    /// <summary>The bus name or ARN; null sends to the account's default bus.</summary>
    public string? EventBusName { get; set; }

    /// <summary>The event time; null lets EventBridge use the time it received the call.</summary>
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? Time { get; set; }
}

/// <summary>Response of PutEvents.</summary>
public sealed class PutEventsResponse : AmazonWebServiceResponse
{
    /// <summary>How many entries were not accepted; the call itself succeeds even when this is not 0.</summary>
    public int? FailedEntryCount { get; set; }

    /// <summary>One result per request entry, in the same order.</summary>
    public List<PutEventsResultEntry> Entries { get; set; } = [];
}

/// <summary>The result of one entry: an event id, or an error code and message.</summary>
public sealed class PutEventsResultEntry
{
    /// <summary>The id of the accepted event.</summary>
    public string? EventId { get; set; }

    /// <summary>Why the entry was not accepted, for example <c>ThrottlingException</c>.</summary>
    public string? ErrorCode { get; set; }

    /// <summary>The service's message about the failed entry.</summary>
    public string? ErrorMessage { get; set; }
}
