/**
 * Node's {@code buffer} and {@code string_decoder}: {@code Buffer}, encodings, {@code
 * StringDecoder}.
 */
package io.jnet.buffer;
