/**
 * Node's {@code net}: {@code Net}, {@code Server}, {@code Socket} and their options.
 *
 * <h2>Absent values</h2>
 *
 * <p>Where Node has {@code undefined}, jnet has one form per kind of value: a reference ({@code
 * String}, {@code AddressInfo}, a list) is null, and a number is a boxed {@code Integer} or {@code
 * Long} that is null ({@code Socket.remotePort()}, {@code bufferSize()}, {@code timeout()}, {@code
 * JnetException.errno()} and {@code port()}), so {@code "" + socket.remotePort()} prints a number
 * or {@code null} as Node prints a number or {@code undefined}. Node's {@code {}} address is {@code
 * AddressInfo.EMPTY}. The {@code 'close'} event's Boolean is never null: jnet passes false where
 * Node passes nothing.
 */
package io.jnet.net;
