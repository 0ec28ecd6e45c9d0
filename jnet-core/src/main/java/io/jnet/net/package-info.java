/** Node's {@code net}: {@code Net}, {@code Server}, {@code Socket} and their options. */
package io.jnet.net;
