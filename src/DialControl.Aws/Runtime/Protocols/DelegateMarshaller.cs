using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace DialControl.Aws.Runtime.Protocols;

/// <summary>Adapts a protocol's request writer to AWSSDK.Core's marshaller interface.</summary>
internal sealed class DelegateMarshaller<TRequest>(AwsServiceDescriptor service, Func<TRequest, IRequest> write)
    : IMarshaller<IRequest, AmazonWebServiceRequest>
    where TRequest : AmazonWebServiceRequest
{
    public IRequest Marshall(AmazonWebServiceRequest input)
    {
        if (input is not TRequest request)
        {
            throw new ArgumentException(
                $"{service.ServiceId}: expected a {typeof(TRequest).Name}, got {input?.GetType().Name ?? "null"}.",
                nameof(input));
        }

        return write(request);
    }
}
