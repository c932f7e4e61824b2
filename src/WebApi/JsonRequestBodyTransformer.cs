using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace VfeTps.Stream.WebApi;

/// <summary>Writes the <see cref="JsonRequestBody"/> of an endpoint into its OpenAPI operation (required, application/json, its schema in the components).</summary>
public sealed class JsonRequestBodyTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var body = context.Description.ActionDescriptor.EndpointMetadata.OfType<JsonRequestBody>().LastOrDefault();
        if (body is null)
            return;
        IOpenApiSchema schema = await context.GetOrCreateSchemaAsync(body.BodyType, parameterDescription: null, cancellationToken).ConfigureAwait(false);
        if (context.Document is { } document)
        {
            // Named in the components, as the framework does for the bodies it finds itself.
            document.AddComponent(body.BodyType.Name, schema);
            schema = new OpenApiSchemaReference(body.BodyType.Name, document);
        }

        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
        };
    }
}
