/** jnet's internal bridge into the stream machinery; not part of the API. */
package io.jnet.internal.stream;
