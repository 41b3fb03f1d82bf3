/**
 * Getting bytes into the {@link dev.bufferdeck.repository.MediaRepository}: files, folders, http(s)
 * URLs and drop payloads, through {@link SourceLoader}.
 *
 * <ul>
 *   <li>Every load reserves its bytes before reading them. A known size (file size, Content-Length)
 *       is reserved whole, so a load that cannot fit is refused before a body byte is read, and the
 *       bytes are read straight into one exactly sized array. A body of unknown length (chunked,
 *       ended by close, or compressed) grows its reservation chunk by chunk and is assembled into one
 *       array at the end; assembly briefly needs the chunks and the array, and reserves both.</li>
 *   <li>SHA-256 is computed as the bytes arrive and handed to the repository: no second pass.</li>
 *   <li>Requests ask for {@code Accept-Encoding: identity} (media does not compress, and only then
 *       is Content-Length the buffer's size); a server that compresses anyway is decoded here.</li>
 *   <li>Each URL load runs on the caller's thread plus one short-lived watchdog thread that aborts
 *       the request at the response or idle timeout; {@link Cancellation}
 *       aborts it the same way. Neither outlives the load.</li>
 *   <li>Failures are {@link LoadException}s whose message is one line:
 *       the source, a colon, the cause. Nothing is added unless every byte arrived.</li>
 * </ul>
 */
package dev.bufferdeck.source;
